/**
 * How cache entries are written to Redis: plain JSON. Keyv's default (`@keyv/serialize`) walks every value in
 * JavaScript to escape strings that start with a colon and reads it back through a JSON.parse reviver; on a warm
 * check over Redis that was the largest single item of the profile (12 % of the CPU, before the Express router).
 * Entries carry `format: 2`, so one written by an earlier version in Keyv's format (a transient cache entry met
 * during a rolling upgrade) is still read right.
 */
const FORMAT = 2;

interface Entry<Value = unknown> {
  value?: Value;
  expires?: number;
}

export function serializeCached(data: Entry): string {
  return JSON.stringify({ format: FORMAT, value: data.value, expires: data.expires });
}

export function deserializeCached<Value>(text: string): Entry<Value> | undefined {
  const entry = JSON.parse(text) as (Entry<Value> & { format?: number }) | null;
  if (entry?.format === FORMAT) return entry;
  return JSON.parse(text, keyvReviver) as Entry<Value> | undefined;
}

/** Keyv's own format: a string that starts with a colon got one more, a Buffer became `:base64:<data>`. */
function keyvReviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith(':')) return value;
  return value.startsWith(':base64:') ? Buffer.from(value.slice(8), 'base64') : value.slice(1);
}
