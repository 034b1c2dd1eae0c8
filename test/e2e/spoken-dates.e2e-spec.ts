import { DateTime } from 'luxon';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { berlin, bookingTenant, callFunction, dayFromNow, ZONE } from '../support/calcom';
import { useBookingSuite } from '../support/booking-suite.testing';

const SEVEN_TO_NINE = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['07:00', '21:00']]]),
);
const spokenDay = (day: string) => DateTime.fromISO(day, { zone: ZONE }).setLocale('de').toFormat('cccc, d. LLLL');

describe('Spoken dates at the function endpoints', () => {
  const suite = useBookingSuite();
  const tomorrow = dayFromNow(1);
  const slotRequests = () => suite.fake.requestsTo('GET', /^\/v2\/slots$/);

  it('reads a German idiom and says weekday, date and time back', async () => {
    const res = await callFunction(suite.t, 'check-availability', {
      service: 'Haarschnitt',
      date: 'morgen',
      time: 'um halb vier',
    }).expect(200);
    expect(res.body).toMatchObject({
      success: true,
      data: { available: true, start: berlin(tomorrow, '15:30').toISOString() },
    });
    expect(res.body.message).toBe(`${spokenDay(tomorrow)} um 15:30 Uhr ist frei. Soll ich den Termin für Sie buchen?`);
  });

  it('asks again, without asking Cal.com, when it cannot read the whole phrase', async () => {
    const res = await callFunction(suite.t, 'check-availability', {
      service: 'Haarschnitt',
      date: 'morgen irgendwann so kurz nach drei',
    }).expect(200);
    expect(res.body).toEqual({
      success: false,
      message: 'Das Datum habe ich leider nicht verstanden. Welcher Tag und welche Uhrzeit?',
      data: { missing: ['date'] },
    });
    expect(slotRequests()).toHaveLength(0);
  });

  it('asks morning or evening when the branch is open at both', async () => {
    await suite.t.app.get(TenantsImportService).importDocument({
      companies: [{ ...bookingTenant(), branches: [{ name: 'Mitte', openingHours: SEVEN_TO_NINE }] }],
    });
    const res = await callFunction(suite.t, 'book-appointment', {
      service: 'Haarschnitt',
      date: 'morgen',
      time: 'um 8',
      name: 'Anna',
    }).expect(200);
    expect(res.body.message).toBe(`Meinen Sie ${spokenDay(tomorrow)} um 8 Uhr oder um 20 Uhr?`);
    // The day is clear: what is missing is which of the two times.
    expect(res.body.data).toEqual({
      missing: ['time'],
      clarify: 'meridiem',
      options: [berlin(tomorrow, '08:00'), berlin(tomorrow, '20:00')].map((d) => d.toISOString()),
    });
    expect(suite.fake.requests).toHaveLength(0);
  });

  it('takes the only open half of the day when the branch closes at 20:00', async () => {
    const res = await callFunction(suite.t, 'check-availability', {
      service: 'Haarschnitt',
      date: 'morgen',
      time: 'um 8',
    }).expect(200);
    expect(res.body.data.start).toBe(berlin(tomorrow, '08:00').toISOString());
  });

  it('says which day a date falls on when the caller named another weekday', async () => {
    const date = DateTime.fromISO(dayFromNow(3), { zone: ZONE });
    const wrongWeekday = date.plus({ days: 1 }).setLocale('de').toFormat('cccc');
    const res = await callFunction(suite.t, 'check-availability', {
      service: 'Haarschnitt',
      date: `${wrongWeekday}, ${date.toFormat('d.M.')}`,
    }).expect(200);
    expect(res.body.message).toBe(
      `Der ${date.setLocale('de').toFormat('d. LLLL')} ist ein ${date.setLocale('de').toFormat('cccc')}. Welchen Tag meinen Sie genau?`,
    );
    expect(res.body.data.clarify).toBe('day');
  });

  it('reads numeric dates in the company’s order', async () => {
    await suite.t.app
      .get(TenantsImportService)
      .importDocument({ companies: [{ ...bookingTenant(), locale: 'en', dateOrder: 'mdy' }] });
    const day = DateTime.fromISO(dayFromNow(3), { zone: ZONE });
    const res = await callFunction(suite.t, 'check-availability', {
      service: 'Haarschnitt',
      date: day.toFormat('M/d'),
      time: '10:00',
    }).expect(200);
    expect(res.body.data.start).toBe(berlin(day.toISODate()!, '10:00').toISOString());
  });
});
