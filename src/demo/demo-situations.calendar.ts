import { call, Entry, RIVAL } from './demo-situations.build';

/** The calendar's moments: what is offered, closed days and hours, the past, the window, taken and free times. */
export const CALENDAR_SITUATIONS: Entry[] = [
  [
    'services',
    false,
    () => ({ id: 'services', title: 'What do you offer?', setup: [], turn: call('list-services', {}) }),
  ],
  ['branches', false, () => ({ id: 'branches', title: 'Where are you?', setup: [], turn: call('get-branches', {}) })],
  [
    'closed',
    true,
    (w, day) => ({
      id: 'closed-day',
      title: 'A day the business is closed',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(7), time: w.at14 }),
    }),
  ],
  [
    'closed',
    true,
    (w, day) => ({
      id: 'closed-day-read-back',
      title: 'The read-back on a closed day (was: a false "nothing free")',
      setup: [],
      turn: call('collect-appointment-data', {
        service: w.cut,
        date: day(7),
        time: w.at14,
        name: w.name,
        confirm: false,
      }),
    }),
  ],
  [
    'hours',
    true,
    (w, day) => ({
      id: 'closed-hour',
      title: 'After closing time',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(1), time: w.at21 }),
    }),
  ],
  [
    'past',
    true,
    (w) => ({
      id: 'past',
      title: 'A time that has passed',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: w.yesterday, time: w.at10 }),
    }),
  ],
  [
    'window',
    true,
    (w, _day, later) => ({
      id: 'beyond-window',
      title: 'Beyond the booking window',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: later, time: w.at10 }),
    }),
  ],
  [
    'taken',
    true,
    (w, day) => ({
      id: 'taken',
      title: 'A taken time, alternatives with their day',
      setup: [call('book-appointment', { service: w.cut, date: day(2), time: w.at10, name: w.rival }, 'rival', RIVAL)],
      turn: call('check-availability', { service: w.cut, date: day(2), time: w.at10 }),
    }),
  ],
  [
    'free',
    true,
    (w, day) => ({
      id: 'free-day',
      title: 'Which times are free on a day',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(3) }),
    }),
  ],
  [
    'free',
    true,
    (w, day) => ({
      id: 'part-of-day',
      title: 'A part of the day',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(4), time: w.afternoon }),
    }),
  ],
  [
    'hours',
    true,
    (w, day) => ({
      id: 'part-of-day-closed',
      title: 'A part of the day with nothing free (was: "I did not get the date")',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(6), time: w.evening }),
    }),
  ],
  [
    'bareHour',
    true,
    (w, day) => ({
      id: 'bare-hour',
      title: 'A bare hour, read as the one the business is open at',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(4), time: w.at7 }),
    }),
  ],
  [
    'free',
    true,
    (w, day) => ({
      id: 'free-time',
      title: 'A free time',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(3), time: w.at11 }),
    }),
  ],
];
