import { DateTime } from 'luxon';
import { callTime } from './reminder-window';

const zone = 'Europe/Berlin';
const local = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const window = { from: '09:00', to: '19:00' };

describe('the calling window', () => {
  it('calls at the due time inside the window, else at its next opening before the appointment', () => {
    expect(callTime(local('2030-03-04T10:00'), local('2030-03-05T10:00'), window, zone)).toEqual(
      local('2030-03-04T10:00'),
    );
    expect(callTime(local('2030-03-04T07:30'), local('2030-03-05T10:00'), window, zone)).toEqual(
      local('2030-03-04T09:00'),
    );
    expect(callTime(local('2030-03-04T21:00'), local('2030-03-05T10:00'), window, zone)).toEqual(
      local('2030-03-05T09:00'),
    );
    expect(callTime(local('2030-03-04T19:00'), local('2030-03-05T08:00'), window, zone)).toBeNull();
    expect(callTime(local('2030-03-04T08:00'), local('2030-03-04T08:30'), window, zone)).toBeNull();
  });

  it('reads the window in the company timezone, across a change of clocks', () => {
    const ny = 'America/New_York';
    const due = DateTime.fromISO('2030-03-10T01:30', { zone: ny }).toJSDate();
    const before = DateTime.fromISO('2030-03-11T12:00', { zone: ny }).toJSDate();
    expect(DateTime.fromJSDate(callTime(due, before, window, ny)!, { zone: ny }).toISO()).toBe(
      '2030-03-10T09:00:00.000-04:00',
    );
    expect(
      callTime(local('2030-03-04T23:00'), local('2030-03-06T10:00'), { from: '00:00', to: '24:00' }, zone),
    ).toEqual(local('2030-03-04T23:00'));
  });
});
