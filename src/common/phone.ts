import { CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Memo } from './remember';

const KNOWN_MAX = 10_000;
const known = new Memo<string, string | null>(KNOWN_MAX);

/**
 * E.164 form of a phone number, or null when it is not a valid number. National forms need a country. Every request
 * of a call names the same two numbers, and parsing with full metadata is costly: answers are remembered (bounded).
 */
export function toE164(input: string, defaultCountry?: CountryCode): string | null {
  return known.get(`${defaultCountry ?? ''}|${input}`, () => {
    const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
    return parsed && parsed.isValid() ? parsed.number : null;
  });
}

/** What telephony puts in a number field when there is none to show. */
const WITHHELD = /^(anonymous|unknown|restricted|private|unavailable|withheld|null)$/i;

/**
 * The E.164 form of a number as a phone system may send it: `+4915112345678`, `4915112345678` (no `+`),
 * `004915112345678`, `sip:+4915112345678@pbx.example.de;user=phone`, `tel:+49-151-12345678`, or national digits
 * read in `country`. Null for `anonymous`, a SIP user name, or anything else that is no number.
 */
export function callNumberToE164(raw: string | null | undefined, country?: CountryCode): string | null {
  if (!raw) return null;
  const uri = /^(?:sips?|tel):([^@;]+)/i.exec(raw.trim());
  const value = (uri ? safeDecode(uri[1]) : raw).trim().replace(/[\s()./-]/g, '');
  if (WITHHELD.test(value) || !/^(\+|00)?\d{4,20}$/.test(value)) return null;
  if (value.startsWith('+')) return toE164(value);
  if (value.startsWith('00')) return toE164(`+${value.slice(2)}`);
  const international = value.startsWith('0') ? null : toE164(`+${value}`);
  // "4915112345678" with a German hint is international (it starts with 49); "2125550123" with a US hint national.
  if (international && (!country || value.startsWith(getCountryCallingCode(country)))) return international;
  return (country ? toE164(value, country) : null) ?? international;
}

const countries = new Memo<string, CountryCode | undefined>(KNOWN_MAX);

/** The country a valid E.164 number belongs to (remembered like `toE164`: every request of a call asks again). */
export function countryOf(e164: string | null): CountryCode | undefined {
  if (!e164) return undefined;
  return countries.get(e164, () => parsePhoneNumberFromString(e164)?.country);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
