import { DateTime } from 'luxon';
import { Rules, whyNot } from './unavailable';

const zone = 'Europe/Berlin';
const local = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const rules: Rules = {
  zone,
  hours: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ],
    sat: [['10:00', '14:00']],
  },
  durationMinutes: 30,
  windowEnd: local('2030-03-18T23:59:59').getTime(),
  now: local('2030-03-04T08:00'),
};

describe('why nothing is free where the caller asked', () => {
  it('names the most telling reason for a time', () => {
    const time = (iso: string) => whyNot({ instant: local(iso), day: iso.slice(0, 10) }, rules);
    expect(time('2030-03-04T07:00')).toEqual({ reason: 'past' });
    expect(time('2030-03-19T10:00')).toEqual({ reason: 'beyondWindow', lastDay: '2030-03-18' });
    expect(time('2030-03-10T10:00')).toEqual({ reason: 'closedDay' });
    expect(time('2030-03-11T11:45')).toEqual({ reason: 'closedHours', hours: rules.hours!.mon });
    expect(time('2030-03-11T18:00')).toMatchObject({ reason: 'closedHours' });
    expect(time('2030-03-11T17:30')).toEqual({ reason: 'taken' });
    expect(whyNot({ instant: local('2030-03-10T10:00'), day: '2030-03-10' }, { ...rules, hours: null })).toEqual({
      reason: 'taken',
    });
  });

  it('names it for a day or a part of one', () => {
    expect(whyNot({ day: '2030-03-03' }, rules)).toEqual({ reason: 'past' });
    expect(whyNot({ day: '2030-03-09', period: { from: 17, to: 21 } }, rules)).toEqual({
      reason: 'closedHours',
      hours: [['10:00', '14:00']],
    });
    expect(whyNot({ day: '2030-03-09', period: { from: 12, to: 18 } }, rules)).toEqual({ reason: 'full' });
    expect(whyNot({ day: '2030-03-11', period: { from: 12, to: 13 } }, rules)).toMatchObject({ reason: 'closedHours' });
    expect(whyNot({ day: '2030-03-10' }, rules)).toEqual({ reason: 'closedDay' });
  });
});
