import { deserializeCached, serializeCached } from './cache-format';

describe('cache entries in Redis', () => {
  it('read back what was written, strings that start with a colon included', () => {
    const entry = { value: { name: ':Mitte', slots: ['2026-12-08T09:00:00.000Z'], n: 3, none: null }, expires: 42 };
    const read = deserializeCached(serializeCached(entry));
    expect(read).toMatchObject(entry);
  });

  it('are plain JSON a person (or another tool) can read in Redis', () => {
    expect(JSON.parse(serializeCached({ value: ['a'], expires: 9 }))).toEqual({ format: 2, value: ['a'], expires: 9 });
  });

  it('still read an entry an earlier version wrote in Keyv’s own format', () => {
    // As @keyv/serialize writes it: ':Mitte' escaped to '::Mitte', a Buffer as ':base64:…'.
    const legacy = '{"value":{"name":"::Mitte","raw":":base64:aGk=","plain":"x"},"expires":7}';
    const read = deserializeCached(legacy) as { value: { name: string; raw: Buffer; plain: string }; expires: number };
    expect(read.value.name).toBe(':Mitte');
    expect(read.value.raw.toString()).toBe('hi');
    expect(read.value.plain).toBe('x');
    expect(read.expires).toBe(7);
  });
});
