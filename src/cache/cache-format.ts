/**
 * How cache entries are written to Redis: plain JSON. Keyv's default (`@keyv/serialize`) walks every value in
 * JavaScript to escape strings that start with a colon and reads it back through a JSON.parse reviver; on a warm
 * check over Redis that was the largest single item of the profile (12 % of the CPU, before the Express router).
 * Entries carry `format: 2`; anything else in the key (another tool's value, Keyv's own format) is read as a miss,
 * so it is fetched afresh and written over.
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
  return entry?.format === FORMAT ? entry : undefined;
}
