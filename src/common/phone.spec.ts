import { callNumberToE164, countryOf } from './phone';

describe(callNumberToE164.name, () => {
  it.each([
    ['+4915112345678', undefined, '+4915112345678'],
    ['4915112345678', undefined, '+4915112345678'],
    ['004915112345678', undefined, '+4915112345678'],
    ['sip:+4915112345678@pbx.example.de', undefined, '+4915112345678'],
    ['sips:4915112345678@pbx.example.de;transport=tls', undefined, '+4915112345678'],
    ['sip:%2B4930123456@trunk.example.com', undefined, '+4930123456'],
    ['tel:+49-30-123456', undefined, '+4930123456'],
    ['+49 (30) 123 456', undefined, '+4930123456'],
    ['015112345678', 'DE', '+4915112345678'],
    ['2125550123', 'US', '+12125550123'],
    ['12125550123', undefined, '+12125550123'],
    ['4915112345678', 'DE', '+4915112345678'],
    ['12125550123', 'US', '+12125550123'],
  ] as const)('%s (country %s) → %s', (raw, country, expected) => {
    expect(callNumberToE164(raw, country)).toBe(expected);
  });

  it.each([
    'anonymous',
    'Anonymous',
    'unknown',
    'restricted',
    '',
    'sip:reception@pbx.example.de',
    '015112345678',
    '12',
    'not a number',
  ])('gives no number for %j', (raw) => expect(callNumberToE164(raw)).toBeNull());

  it('names the country of a number', () => {
    expect(countryOf('+4930123456')).toBe('DE');
    expect(countryOf(null)).toBeUndefined();
  });
});
