import { derive, remember } from './remember';

describe(remember.name, () => {
  it('computes an answer once per key and stays bounded', () => {
    const known = new Map<string, number>();
    const compute = jest.fn(() => 1);
    remember(known, 2, 'a', compute);
    remember(known, 2, 'a', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    remember(known, 2, 'b', compute);
    remember(known, 2, 'c', compute);
    expect(known.size).toBeLessThanOrEqual(2);
  });
});

describe(derive.name, () => {
  it('reuses the work while the same source object comes back, and redoes it for another', () => {
    const known = new Map<string, { source: string[]; value: number }>();
    const stored = ['x', 'y'];
    const compute = jest.fn((source: string[]) => source.length);
    expect(derive(known, 10, 'k', stored, () => compute(stored))).toBe(2);
    expect(derive(known, 10, 'k', stored, () => compute(stored))).toBe(2);
    expect(compute).toHaveBeenCalledTimes(1);
    const copy = ['x', 'y', 'z'];
    expect(derive(known, 10, 'k', copy, () => compute(copy))).toBe(3);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps one entry per key whatever number of copies are read, within its bound', () => {
    const known = new Map<string, { source: object; value: number }>();
    for (let i = 0; i < 100; i += 1) derive(known, 10, 'same', {}, () => i);
    expect(known.size).toBe(1);
    for (let i = 0; i < 100; i += 1) derive(known, 10, `key${i}`, {}, () => i);
    expect(known.size).toBeLessThanOrEqual(10);
  });
});
