import { maskPii } from './pii';

describe(maskPii.name, () => {
  it.each([
    ['/api/admin/customers/by-phone/+4915112345678', '/api/admin/customers/by-phone/[phone]'],
    ['/api/admin/customers/by-phone/%2B4915112345678', '/api/admin/customers/by-phone/[phone]'],
    ['call from +49 151 1234 5678 ended', 'call from [phone] ended'],
    ['mail anna.schmidt@example.org now', 'mail [email] now'],
    ['national 015112345678', 'national [phone]'],
  ])('masks %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('keeps ids, dates and short numbers readable', () => {
    expect(maskPii('/api/admin/companies/3f2a?limit=50&date=2026-12-01')).toBe(
      '/api/admin/companies/3f2a?limit=50&date=2026-12-01',
    );
  });
});
