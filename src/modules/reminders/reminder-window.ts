import { DateTime } from 'luxon';

/** "HH:mm" to "HH:mm" in the company's timezone. */
export interface CallWindow {
  from: string;
  to: string;
}

const at = (day: DateTime, hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return hour === 24 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour, minute, second: 0, millisecond: 0 });
};

/**
 * The first instant at or after `earliest` inside the calling window (company time), provided it is still before
 * `before` (the appointment): a reminder due at night waits for the morning, unless the appointment comes first.
 */
export function callTime(earliest: Date, before: Date, window: CallWindow, zone: string): Date | null {
  const start = DateTime.fromJSDate(earliest, { zone });
  for (let day = start.startOf('day'), i = 0; i < 3; day = day.plus({ days: 1 }), i += 1) {
    const [open, close] = [at(day, window.from), at(day, window.to)];
    const candidate = start > open ? start : open;
    if (candidate < close) return candidate.toJSDate() < before ? candidate.toJSDate() : null;
  }
  return null;
}
