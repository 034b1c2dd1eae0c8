import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 form of a phone number, or null when it is not a valid number. National forms need a country. */
export function toE164(input: string, defaultCountry?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return parsed && parsed.isValid() ? parsed.number : null;
}
