import { DateTime } from 'luxon';
import { nearest, pickAlternatives, withinOpeningHours } from './slot-picking';

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
