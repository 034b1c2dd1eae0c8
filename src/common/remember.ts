/**
 * The answer for `key` from `known`, computed once: for pure answers the hot path asks again and again (a call's
 * numbers, a slot said aloud, a day's opening hours). The map is emptied when it reaches `max` entries, so it stays
 * bounded whatever the callers send.
 */
export function remember<K, V>(known: Map<K, V>, max: number, key: K, compute: () => V): V {
  if (known.has(key)) return known.get(key) as V;
  const value = compute();
  if (known.size >= max) known.clear();
  known.set(key, value);
  return value;
}
