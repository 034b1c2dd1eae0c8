import { LRUCache } from 'lru-cache';

/**
 * Answers computed once per key: for pure answers the hot path asks again and again (a call's numbers, a slot said
 * aloud, a day's opening hours). Bounded, the least recently used answer going first (lru-cache).
 */
export class Memo<K extends NonNullable<unknown>, V> {
  private readonly known: LRUCache<K, { value: V }>;

  constructor(max: number) {
    this.known = new LRUCache({ max });
  }

  get(key: K, compute: () => V): V {
    const hit = this.known.get(key);
    if (hit) return hit.value;
    const value = compute();
    this.known.set(key, { value });
    return value;
  }

  get size(): number {
    return this.known.size;
  }
}

/**
 * What `compute` makes of `source`, kept under `key` while the same object comes back. The in-process cache hands
 * back the very object it stores, so the work is done once per stored value; a store that hands back copies (Redis)
 * has it done on every read, with one entry per key, so nothing piles up between the collector's full runs (a
 * WeakMap keyed by each copy did: 70 MB more after a warm-check load on Redis).
 */
export class Derived<K extends NonNullable<unknown>, S, V> {
  private readonly known: LRUCache<K, { source: S; value: V }>;

  constructor(max: number) {
    this.known = new LRUCache({ max });
  }

  get(key: K, source: S, compute: () => V): V {
    const entry = this.known.get(key);
    if (entry?.source === source) return entry.value;
    const value = compute();
    this.known.set(key, { source, value });
    return value;
  }

  get size(): number {
    return this.known.size;
  }
}
