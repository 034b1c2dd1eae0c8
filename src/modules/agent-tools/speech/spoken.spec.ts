import { fitting, speakOffer, spread } from './spoken-offers';
import { speakDateTime, speakOnDay, speakPeriod, speakTimes } from './spoken-times';

const ZONE = 'Europe/Berlin';
const at = (local: string) => new Date(`${local}+01:00`);
const NOW = at('2030-03-04T08:00:00');

describe('times and offers as a receptionist says them', () => {
  it('says times as spoken, the unit or the half of the day once', () => {
    const times = [at('2030-03-04T09:00:00'), at('2030-03-04T10:30:00'), at('2030-03-04T16:00:00')];
    expect(speakTimes(times, ZONE, 'de')).toBe('um 9, um halb 11 oder um 16 Uhr');
    expect(speakTimes(times, ZONE, 'en')).toBe('at 9, 10:30 am or 4 pm');
    expect(speakTimes([at('2030-03-04T14:30:00')], ZONE, 'de')).toBe('um 14:30 Uhr');
    expect(speakTimes([at('2030-03-04T11:00:00'), at('2030-03-04T11:30:00')], ZONE, 'de')).toBe(
      'um 11 oder um halb 12',
    );
    expect(speakTimes([at('2030-03-04T12:00:00'), at('2030-03-04T12:15:00')], ZONE, 'en')).toBe('at 12 or 12:15 pm');
    expect(speakDateTime(at('2030-03-04T14:00:00'), ZONE, 'de')).toBe('Montag, 4. März um 14 Uhr');
    expect(speakDateTime(at('2030-03-04T14:00:00'), ZONE, 'en')).toBe('Monday, March 4 at 2 pm');
  });

  it('names each day once, today and tomorrow as such, and one time once for several days', () => {
    expect(speakOnDay('2030-03-04', ZONE, 'de', NOW)).toBe('heute, Montag, 4. März');
    expect(speakOnDay('2030-03-05', ZONE, 'en', NOW)).toBe('tomorrow, Tuesday, March 5');
    expect(speakOnDay('2030-03-07', ZONE, 'de', NOW)).toBe('am Donnerstag, 7. März');
    const sameTime = ['2030-03-07', '2030-03-08', '2030-03-11'].map((day) => at(`${day}T14:00:00`));
    expect(speakOffer(sameTime, ZONE, 'de', undefined, NOW)).toBe(
      'am Donnerstag, 7., Freitag, 8. oder Montag, 11. März um 14 Uhr',
    );
    const mixed = [at('2030-03-07T09:00:00'), at('2030-03-07T10:00:00'), at('2030-03-08T11:00:00')];
    expect(speakOffer(mixed, ZONE, 'en', '2030-03-07', NOW)).toBe(
      'the same day at 9 or 10 am or on Friday, March 8 at 11 am',
    );
    expect(speakPeriod({ from: 12, to: 18 }, 'de')).toBe('nachmittags');
    expect(speakPeriod({ from: 17, to: 21 }, 'en')).toBe('in the evening');
  });

  it('spreads many free times over the day and keeps an answer short enough to hear', () => {
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(spread([1, 2], 3)).toEqual([1, 2]);
    expect(spread([1, 2, 3], 1)).toEqual([1]);
    const long = Array.from({ length: 30 }, () => 'wort').join(' ');
    expect(fitting([long, 'kurz und gut'])).toBe('kurz und gut');
    expect(fitting([long])).toBe(long);
  });
});
