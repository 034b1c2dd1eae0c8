import { RetellKeyring } from './retell-keyring';

describe(RetellKeyring.name, () => {
  const sut = new RetellKeyring(
    ['key_deployment'],
    new Map([
      ['a', ['key_a_new', 'key_a_old']],
      ['b', ['key_b']],
      ['agency_1', ['key_agency']],
      ['agency_2', ['key_agency']],
      ['broken', []],
    ]),
  );

  it("serves a company with its own keys only, and the others with the deployment's", () => {
    expect(sut.keysFor('a')).toEqual(['key_a_new', 'key_a_old']);
    expect(sut.keysFor('c')).toEqual(['key_deployment']);
    expect(sut.keysFor(null)).toEqual(['key_deployment']);
  });

  it("never lets the deployment's keys stand in for a company whose own cannot be read", () => {
    expect(sut.keysFor('broken')).toEqual([]);
    expect(sut.apiKeyFor('broken')).toBeNull();
  });

  it('knows every key once and which companies own it', () => {
    expect([...sut.all()].sort()).toEqual(['key_a_new', 'key_a_old', 'key_agency', 'key_b', 'key_deployment']);
    expect(sut.ownersOf('key_agency')).toEqual(['agency_1', 'agency_2']);
    expect(sut.ownersOf('key_deployment')).toEqual([]);
  });

  it("calls Retell's API with a company's first key, else the deployment's first", () => {
    expect(sut.apiKeyFor('a')).toBe('key_a_new');
    expect(sut.apiKeyFor('c')).toBe('key_deployment');
  });
});
