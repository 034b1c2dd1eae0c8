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

  it('read anything else in the key as a miss, to be fetched afresh', () => {
    // As @keyv/serialize writes it: ':Mitte' escaped to '::Mitte', a Buffer as ':base64:…'.
    expect(deserializeCached('{"value":{"name":"::Mitte","raw":":base64:aGk="},"expires":7}')).toBeUndefined();
    expect(deserializeCached('null')).toBeUndefined();
  });
});
