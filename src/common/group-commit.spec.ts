import { GroupCommit } from './group-commit';

/** A write that records each batch and can be held open until released. */
function recorder(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  let hold: Promise<void> | null = null;
  const write = async (items: number[]) => {
    batches.push(items);
    const held = hold;
    hold = null;
    if (held) await held;
    if (items.some(fail)) throw new Error(`bad item in ${items.join(',')}`);
    return items.map((item) => item * 10);
  };
  const holdNext = () => {
    hold = new Promise((resolve) => (release = resolve));
  };
  return { batches, write, holdNext, release: () => release() };
}

describe('GroupCommit', () => {
  it('writes a lone item at once and answers its result', async () => {
    const r = recorder();
    await expect(new GroupCommit(r.write).submit(4)).resolves.toBe(40);
    expect(r.batches).toEqual([[4]]);
  });

  it('writes the items of one turn together, each answered with its own result', async () => {
    const r = recorder();
    const group = new GroupCommit(r.write);
    await expect(Promise.all([1, 2, 3].map((n) => group.submit(n)))).resolves.toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives during a write into the next batch, and settles only after its own write', async () => {
    const r = recorder();
    const group = new GroupCommit(r.write);
    r.holdNext();
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((n) => group.submit(n));
    let laterSettled = false;
    void Promise.all(later).then(() => (laterSettled = true));
    expect(group.waiting).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(laterSettled).toBe(false);
    r.release();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
    expect(laterSettled).toBe(true);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('never writes more than the batch limit at once', async () => {
    const r = recorder();
    const group = new GroupCommit(r.write, { maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => group.submit(n)));
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('with two writes in flight, sends the next batch while the first one still waits', async () => {
    const r = recorder();
    const group = new GroupCommit(r.write, { concurrency: 2 });
    r.holdNext();
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = Promise.all([2, 3].map((n) => group.submit(n)));
    await expect(second).resolves.toEqual([20, 30]);
    expect(r.batches).toEqual([[1], [2, 3]]);
    r.release();
    await expect(first).resolves.toBe(10);
  });

  it('writes a failed batch again item by item: the bad item fails alone, the others are stored', async () => {
    const r = recorder((item) => item === 2);
    const group = new GroupCommit(r.write);
    const results = await Promise.allSettled([1, 2, 3].map((n) => group.submit(n)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('bad item in 2');
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('fails every item at once when the failure is not one item’s (an outage), without writing them again', async () => {
    const r = recorder(() => true);
    const group = new GroupCommit(r.write, { retryAlone: () => false });
    const results = await Promise.allSettled([1, 2, 3].map((n) => group.submit(n)));
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('keeps working after a failure', async () => {
    const r = recorder((item) => item === 0);
    const group = new GroupCommit(r.write);
    await expect(group.submit(0)).rejects.toThrow('bad item in 0');
    await expect(group.submit(5)).resolves.toBe(50);
  });
});
