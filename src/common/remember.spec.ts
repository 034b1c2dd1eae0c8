import { Derived, Memo } from './remember';

describe(Memo.name, () => {
  it('computes an answer once per key, null answers included, and stays bounded', () => {
    const sut = new Memo<string, number | null>(2);
    const compute = jest.fn(() => null);
    expect(sut.get('a', compute)).toBeNull();
    expect(sut.get('a', compute)).toBeNull();
    expect(compute).toHaveBeenCalledTimes(1);
    sut.get('b', () => 2);
    sut.get('c', () => 3);
    expect(sut.size).toBe(2);
  });

  it('lets the least recently used answer go first', () => {
    const sut = new Memo<string, number>(2);
    sut.get('a', () => 1);
    sut.get('b', () => 2);
    sut.get('a', () => 1);
    sut.get('c', () => 3);
    const again = jest.fn(() => 1);
    sut.get('a', again);
    expect(again).not.toHaveBeenCalled();
  });
});

describe(Derived.name, () => {
  it('reuses the work while the same source object comes back, and redoes it for another', () => {
    const sut = new Derived<string, string[], number>(10);
    const stored = ['x', 'y'];
    const compute = jest.fn((source: string[]) => source.length);
    expect(sut.get('k', stored, () => compute(stored))).toBe(2);
    expect(sut.get('k', stored, () => compute(stored))).toBe(2);
    expect(compute).toHaveBeenCalledTimes(1);
    const copy = ['x', 'y', 'z'];
    expect(sut.get('k', copy, () => compute(copy))).toBe(3);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps one entry per key whatever number of copies are read, within its bound', () => {
    const sut = new Derived<string, object, number>(10);
    for (let i = 0; i < 100; i += 1) sut.get('same', {}, () => i);
    expect(sut.size).toBe(1);
    for (let i = 0; i < 100; i += 1) sut.get(`key${i}`, {}, () => i);
    expect(sut.size).toBeLessThanOrEqual(10);
  });
});
