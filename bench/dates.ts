import { DateTime } from 'luxon';
import { cacheZoneOffsets } from '../src/common/zone-offsets';
import { resolveWhen } from '../src/modules/appointments/when';

/** Spoken phrases of every family the date reader knows, and the ISO forms a sure LLM would send instead. */
const PHRASES: Array<['de' | 'en', string]> = [
  ['de', 'morgen um halb vier'],
  ['de', 'übernächsten Freitag um 10'],
  ['de', 'fünf vor halb vier'],
  ['de', 'am ersten März um 15 Uhr'],
  ['de', 'Mittwoch in zwei Wochen nachmittags'],
  ['de', 'so gegen 15 Uhr'],
  ['de', 'Dienstag, der 8. Dezember, 10:30 Uhr'],
  ['de', 'nach dem Mittagessen'],
  ['de', 'drei viertel vier'],
  ['de', 'irgendwann nächste Woche'],
  ['de', 'in einer halben Stunde'],
  ['de', 'am 3.12. um 11'],
  ['en', 'a quarter to noon'],
  ['en', 'Tuesday the 19th at 3p'],
  ['en', 'the day after tomorrow at 5pm'],
  ['en', 'nine fifty nine a m'],
  ['en', 'in a fortnight'],
  ['en', 'tomorrow afternoonish'],
  ['en', 'Friday after next at half past two'],
  ['en', 'between 2 and 4'],
  ['en', 'whenever works'],
];
const ISO: string[] = ['2026-12-02T15:30', '2026-12-18T10:00', '2027-03-01T15:00', '2026-12-08T10:30'];
const ROUNDS = 300;

/** Mean time to read one phrase, against reading one ISO timestamp (the floor), both on Luxon in the same run. */
export function benchDates(): { isoMs: number; spokenMs: number } {
  // As in the gateway, whose app module installs it: zone offsets looked up in Intl once per zone and minute.
  cacheZoneOffsets();
  const now = new Date();
  const run = (work: () => void, count: number) => {
    for (let i = 0; i < 20; i += 1) work();
    const started = process.hrtime.bigint();
    for (let i = 0; i < ROUNDS; i += 1) work();
    return Number(process.hrtime.bigint() - started) / 1e6 / (ROUNDS * count);
  };
  const spokenMs = run(() => {
    for (const [locale, phrase] of PHRASES) resolveWhen({ date: phrase }, 'Europe/Berlin', locale, now);
  }, PHRASES.length);
  const isoMs = run(() => {
    for (const iso of ISO) DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate();
  }, ISO.length);
  return { isoMs, spokenMs };
}
