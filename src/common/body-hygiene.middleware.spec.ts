import { cleanBody } from './body-hygiene.middleware';

describe(cleanBody.name, () => {
  it('removes prototype keys at every level, leaving everything else', () => {
    const sut = JSON.parse(
      '{"__proto__":{"polluted":1},"args":{"constructor":{"prototype":{"x":1}},"name":"Anna"},"list":[{"prototype":1,"ok":true}]}',
    );
    expect(cleanBody(sut, 32)).toBe('ok');
    expect(sut).toEqual({ args: { name: 'Anna' }, list: [{ ok: true }] });
    expect(Object.prototype.hasOwnProperty.call(sut, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports bodies nested deeper than the limit without recursing', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(cleanBody(deep, 32)).toBe('too-deep');
    expect(cleanBody(JSON.parse(`${'{"a":'.repeat(32)}1${'}'.repeat(32)}`), 32)).toBe('ok');
    expect(cleanBody(JSON.parse(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`), 32)).toBe('too-deep');
    expect(cleanBody('text', 32)).toBe('ok');
  });

  it('refuses NUL characters in values and keys, which Postgres cannot store', () => {
    expect(cleanBody(JSON.parse('{"call":{"call_id":"a\\u0000b"}}'), 32)).toBe('nul');
    expect(cleanBody(JSON.parse('{"a\\u0000":1}'), 32)).toBe('nul');
  });
});
