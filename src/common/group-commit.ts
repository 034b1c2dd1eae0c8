interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a write is running are written together by the next one, so a burst costs a
 * few transactions instead of one per item, and a lone item is written at once (no timer, no added wait).
 * `write` gets a batch and answers one result per item, in order; each submitter's promise settles only once its
 * batch has been written (committed). When a batch fails, its items are written again one by one, so one bad item
 * fails alone and the others are stored.
 */
export class GroupCommit<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // Whatever else arrives in this turn of the event loop joins the first batch.
      setImmediate(() => void this.drain());
    });
  }

  /** Items waiting for their write (the one running not counted). */
  get waiting(): number {
    return this.queue.length;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0, this.maxBatch));
    this.writing = false;
  }

  private async writeBatch(batch: Array<Pending<T, R>>): Promise<void> {
    try {
      const results = await this.write(batch.map((pending) => pending.item));
      batch.forEach((pending, i) => pending.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const pending of batch) await this.writeBatch([pending]);
    }
  }
}
