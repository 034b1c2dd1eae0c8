import { call, Entry, MOVER, NOBODY } from './demo-situations.build';

/** The caller's moments: read-back, booking, their own appointments, moves, cancels, spoken details. */
export const CALLER_SITUATIONS: Entry[] = [
  [
    'readBack',
    true,
    (w, day) => ({
      id: 'read-back',
      title: 'The read-back',
      setup: [],
      turn: call('collect-appointment-data', {
        service: w.cut,
        date: day(3),
        time: w.at11,
        name: w.name,
        confirm: false,
      }),
    }),
  ],
  [
    'booked',
    true,
    (w, day) => ({
      id: 'booked',
      title: 'Booked',
      setup: [],
      turn: call('collect-appointment-data', {
        service: w.cut,
        date: day(3),
        time: w.at11,
        name: w.name,
        confirm: true,
      }),
    }),
  ],
  [
    'lookup',
    true,
    () => ({
      id: 'lookup',
      title: 'Which appointments do I have?',
      setup: [],
      turn: call('query-customer-appointments', {}),
    }),
  ],
  [
    'yours',
    true,
    (w, day) => ({
      id: 'own-booking',
      title: 'The caller asks again, in a new call, for the time they booked',
      setup: [],
      turn: call('check-availability', { service: w.cut, date: day(3), time: w.at11 }, 'later'),
    }),
  ],
  [
    'dayAndTime',
    false,
    (w) => ({
      id: 'no-date-no-time',
      title: 'A booking with neither day nor time',
      setup: [],
      turn: call('book-appointment', { service: w.cut, name: w.name }, 'later'),
    }),
  ],
  [
    'email',
    false,
    (w, day) => ({
      id: 'bad-email',
      title: 'A spoken e-mail address that is malformed',
      setup: [],
      turn: call(
        'collect-appointment-data',
        {
          service: w.colour,
          date: day(3),
          time: w.at14,
          name: w.name,
          email: w.badEmail,
          confirm: false,
        },
        'later',
      ),
    }),
  ],
  [
    'moved',
    true,
    (w, day) => ({
      id: 'moved',
      title: 'A move',
      setup: [call('book-appointment', { service: w.cut, date: day(1), time: w.at10, name: w.name }, 'mover', MOVER)],
      turn: call('reschedule-appointment', { new_date: day(2), new_time: w.at15 }, 'mover', MOVER),
    }),
  ],
  [
    'stays',
    true,
    (w, day) => ({
      id: 'moved-nothing-changed',
      title: 'A move to the time it already has',
      setup: [],
      turn: call('reschedule-appointment', { new_date: day(2), new_time: w.at15 }, 'mover', MOVER),
    }),
  ],
  [
    'stays',
    true,
    (w, day) => ({
      id: 'move-taken',
      title: 'A move to a taken time',
      setup: [],
      turn: call('reschedule-appointment', { new_date: day(2), new_time: w.at10 }, 'mover', MOVER),
    }),
  ],
  [
    'cancelled',
    true,
    () => ({
      id: 'cancelled',
      title: 'A cancellation',
      setup: [],
      turn: call('cancel-appointment', {}, 'mover', MOVER),
    }),
  ],
  [
    'none',
    false,
    () => ({
      id: 'none-found',
      title: 'No appointments found',
      setup: [],
      turn: call('query-customer-appointments', {}, 'nobody', NOBODY),
    }),
  ],
];
