interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most items in one write. */
  maxBatch?: number;
  /** Writes in flight at once: more than one lets a batch be sent while the one before waits for its commit. */
  concurrency?: number;
  /**
   * Whether a failed batch is worth writing again item by item (one item's bad data). An outage fails every item at
   * once instead of once per item. Every failure by default.
   */
  retryAlone?: (error: unknown) => boolean;
}

/**
 * Group commit: items submitted while the writes are busy are written together by the next one, so a burst costs a
 * few transactions instead of one per item, and a lone item is written at once (no timer, no added wait).
 * `write` gets a batch and answers one result per item, in order; each submitter's promise settles only once its
 * batch has been written (committed). When a batch fails for what may be one item's fault, its items are written again
 * one by one, so one bad item fails alone and the others are stored.
 */
export class GroupCommit<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private active = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private readonly retryAlone: (error: unknown) => boolean;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.concurrency = options.concurrency ?? 1;
    this.retryAlone = options.retryAlone ?? (() => true);
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.scheduled || this.active >= this.concurrency) return;
      this.scheduled = true;
      // Whatever else arrives in this turn of the event loop joins the same batch.
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    });
  }

  /** Items waiting for a write (those being written not counted). */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      this.active += 1;
      void this.writeBatch(this.queue.splice(0, this.maxBatch)).finally(() => {
        this.active -= 1;
        this.pump();
      });
    }
  }

  private async writeBatch(batch: Array<Pending<T, R>>): Promise<void> {
    try {
      const results = await this.write(batch.map((pending) => pending.item));
      batch.forEach((pending, i) => pending.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1 || !this.retryAlone(error)) return batch.forEach((pending) => pending.reject(error));
      for (const pending of batch) await this.writeBatch([pending]);
    }
  }
}
