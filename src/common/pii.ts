const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
// International numbers (+, %2B or 00, then digits broken by spaces, dots, dashes or brackets) and long digit runs.
// Dates and short ids stay readable.
const PHONE = /(?:\+|%2B|\b00)\d[\d\s().-]{5,}\d|\b\d{9,}\b/gi;

// Credentials someone put in a URL: `?access_token=…`, `&token=…`, `api_key=…` (never read, but never logged either).
const SECRET_PARAM = /([?&](?:access_token|token|api_key|apikey|key|signature)=)[^&#\s]*/gi;

/** What each pattern needs at least: a digit (a number), `@` (an e-mail) or `=` (a query parameter). */
const MAYBE_PII = /[\d@=]/;

/** Masks e-mail addresses, phone numbers and credentials in query strings inside free text before it is logged. */
export function maskPii(text: string): string {
  // Most logged paths (every Retell function's) hold none of them: one scan instead of three replacements.
  if (!MAYBE_PII.test(text)) return text;
  return text.replace(SECRET_PARAM, '$1[redacted]').replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

/** Keys whose values are PII or secrets wherever they appear in a logged object. */
export const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'x-retell-signature',
  'x-api-key',
  'token',
  'apiKey',
  'calcomApiKey',
  'calcom_api_key',
  'password',
  'phone',
  'phoneE164',
  'phone_number',
  'from_number',
  'to_number',
  'fromNumber',
  'toNumber',
  'e164',
  'email',
  'name',
  'customerName',
  'customer_name',
  'transcript',
  'transcript_object',
];
