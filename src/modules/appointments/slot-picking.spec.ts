import { DateTime } from 'luxon';
import { bookingWindowEnd, nearest, openingWindows, pickAlternatives, withinOpeningHours } from './slot-picking';

const ZONE = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const day = (date: string, times: string[]) => times.map((time) => at(`${date}T${time}`));

describe(pickAlternatives.name, () => {
  it('offers the nearest earlier and later slot of the same day first, then the next nearest', () => {
    const sut = pickAlternatives(
      day('2026-12-01', ['09:00', '11:00', '13:00', '13:30', '17:00']),
      [],
      at('2026-12-01T12:00'),
      ZONE,
    );
    expect(sut).toEqual(day('2026-12-01', ['11:00', '13:00', '13:30']));
  });

  it('fills up from the following days with the slot closest to the wanted time of day', () => {
    const sut = pickAlternatives(
      day('2026-12-01', ['17:00']),
      [day('2026-12-02', ['09:00', '12:30', '16:00']), day('2026-12-03', ['11:30'])],
      at('2026-12-01T12:00'),
      ZONE,
    );
    expect(sut).toEqual([at('2026-12-01T17:00'), at('2026-12-02T12:30'), at('2026-12-03T11:30')]);
  });

  it('never offers the wanted time itself and returns nothing when nothing is free', () => {
    expect(pickAlternatives(day('2026-12-01', ['12:00']), [], at('2026-12-01T12:00'), ZONE)).toEqual([]);
    expect(pickAlternatives([], [[], []], at('2026-12-01T12:00'), ZONE)).toEqual([]);
  });
});

describe(nearest.name, () => {
  it('picks by distance and says them in time order', () => {
    expect(nearest(day('2026-12-01', ['08:00', '10:00', '11:00', '15:00']), at('2026-12-01T10:40'), 2)).toEqual(
      day('2026-12-01', ['10:00', '11:00']),
    );
  });
});

describe(withinOpeningHours.name, () => {
  const hours = {
    sun: [['09:00', '12:00']] as Array<[string, string]>,
    mon: [['09:00', '18:00']] as Array<[string, string]>,
  };

  it('needs the whole appointment inside the hours of its weekday, in local time on both sides of a DST change', () => {
    expect(withinOpeningHours(at('2026-03-29T09:00'), 60, hours, ZONE)).toBe(true);
    expect(withinOpeningHours(at('2026-03-29T11:30'), 60, hours, ZONE)).toBe(false);
    expect(withinOpeningHours(at('2026-10-25T09:00'), 180, hours, ZONE)).toBe(true);
    expect(withinOpeningHours(at('2026-10-25T08:30'), 30, hours, ZONE)).toBe(false);
    expect(withinOpeningHours(at('2026-10-27T10:00'), 30, hours, ZONE)).toBe(false);
  });

  it('does not limit a branch without hours', () => {
    expect(withinOpeningHours(at('2026-10-27T03:00'), 30, {}, ZONE)).toBe(true);
    expect(withinOpeningHours(at('2026-10-27T03:00'), 30, null, ZONE)).toBe(true);
  });
});

describe('remembered local days', () => {
  it.each(['Europe/Berlin', 'Asia/Kathmandu', 'Australia/Lord_Howe'])(
    'bookingWindowEnd agrees with Luxon every 7 minutes across a DST change in %s',
    (zone) => {
      const disagreements: string[] = [];
      for (let ts = Date.UTC(2026, 2, 27); ts < Date.UTC(2026, 3, 6); ts += 7 * 60_000 + 11_000) {
        const now = new Date(ts);
        const direct = DateTime.fromJSDate(now, { zone }).plus({ days: 60 }).endOf('day').toMillis();
        if (bookingWindowEnd(zone, 60, now) !== direct) disagreements.push(now.toISOString());
      }
      expect(disagreements).toEqual([]);
    },
  );

  it('openingWindows answers the same for equal hours, and for other hours their own', () => {
    const from = new Date('2026-12-07T08:00:00Z');
    const to = new Date('2026-12-07T20:00:00Z');
    const first = openingWindows({ mon: [['09:00', '12:00']] }, 'Europe/Berlin', from, to);
    expect(openingWindows({ mon: [['09:00', '12:00']] }, 'Europe/Berlin', from, to)).toEqual(first);
    expect(first).toEqual([[Date.parse('2026-12-07T08:00:00Z'), Date.parse('2026-12-07T11:00:00Z')]]);
    expect(openingWindows({ mon: [['10:00', '12:00']] }, 'Europe/Berlin', from, to)).toEqual([
      [Date.parse('2026-12-07T09:00:00Z'), Date.parse('2026-12-07T11:00:00Z')],
    ]);
  });
});
