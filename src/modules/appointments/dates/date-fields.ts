/**
 * The agent passes the date and the time apart. Numbers in the date field name a date, never a clock time: "8.23" is
 * 23 August, not 08:23; "3-14" is 14 March; "14" alone is the 14th. They are rewritten to the slash form, which the
 * reader places with the company's date order (a number that cannot be a month settles the order), and a lone number
 * to a day of the month. A pair no order makes a date ("15.30") is left as it was said.
 */
export function dateFieldText(date: string): string {
  const lone = /^((?:the|on the|am|den|der)\s+)?(\d{1,2})$/i.exec(date);
  if (lone && Number(lone[2]) >= 1 && Number(lone[2]) <= 31) return `${lone[1] ?? 'am '}${lone[2]}.`;
  return date.replace(NUMERIC_DATE, (whole, first: string, second: string, year: string | undefined) =>
    canBeDate(Number(first), Number(second)) ? `${first}/${second}${year ? `/${year}` : ''}` : whole,
  );
}

/**
 * Two or three numbers joined by "-" or "." ("3-14", "8.23", "1-5-2027", "14.3.27"), not part of a longer number or
 * a clock ("15:30"), and not German day-month with its closing dot ("3.12."), which is a date already. A time word
 * after it ("3-4 pm", "15.30 Uhr") keeps it a time.
 */
const NUMERIC_DATE =
  /(?<![\d:./-])(\d{1,2})[-.](\d{1,2})(?:[-.](\d{4}|\d{2}))?(?![\d:]|\.(?!\d)|\s*(?:uhr|h\b|am\b|pm\b|[ap]\.m|o'?clock))/gi;

const canBeDate = (a: number, b: number) => a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (b <= 31 && a <= 12));
