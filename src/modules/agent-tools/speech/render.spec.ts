import { render } from './render';

const de = { locale: 'de' as const, timezone: 'Europe/Berlin' };
const en = { locale: 'en' as const, timezone: 'Europe/Berlin' };
const TEN = new Date('2030-03-04T09:00:00.000Z');
const NOON = new Date('2030-03-05T11:00:00.000Z');

describe('render: tool results as the agent says them', () => {
  it('says a free time in the company language and timezone, with ISO data for the model', () => {
    expect(render({ kind: 'free', start: TEN }, de)).toEqual({
      success: true,
      message: 'Montag, 4. März um 10:00 Uhr ist frei.',
      data: { available: true, start: TEN.toISOString() },
    });
    expect(render({ kind: 'free', start: TEN }, en).message).toBe('Monday, March 4 at 10:00 AM is available.');
  });

  it('says a taken time with alternatives, or that nothing is free', () => {
    const taken = render({ kind: 'slotTaken', wanted: TEN, alternatives: [NOON] }, de);
    expect(taken).toMatchObject({ success: false, data: { available: false, alternatives: [NOON.toISOString()] } });
    expect(taken.message).toMatch(
      /^Montag, 4\. März um 10:00 Uhr ist leider schon vergeben\. Ich könnte Ihnen .*12:00/,
    );
    expect(render({ kind: 'slotTaken', wanted: null, alternatives: [] }, en).message).toBe(
      'Nothing is free in the next days, unfortunately.',
    );
  });

  it('marks a requested booking as not yet confirmed, and a move as a move', () => {
    const appointment = { id: 'a1', service: 'Cut', start: TEN, status: 'requested' as const };
    expect(render({ kind: 'booked', appointment, moved: false }, en)).toEqual({
      success: true,
      message:
        "I've requested the appointment: Cut on Monday, March 4 at 10:00 AM. You'll get a confirmation once it is confirmed.",
      data: { appointment_id: 'a1', status: 'requested', start: TEN.toISOString(), service: 'Cut' },
    });
    const moved = render({ kind: 'booked', appointment: { ...appointment, status: 'confirmed' }, moved: true }, de);
    expect(moved.message).toBe('Ihr Termin ist verschoben auf Cut am Montag, 4. März um 10:00 Uhr.');
  });

  it('asks back in a sentence for everything that is not an answer yet', () => {
    expect(render({ kind: 'needTime', again: false }, de).message).toBe(
      'Zu welcher Uhrzeit hätten Sie gern den Termin?',
    );
    expect(render({ kind: 'missingArguments', fields: ['service', 'date'] }, en).message).toBe(
      'I still need the service and the date.',
    );
    expect(render({ kind: 'unknownService', offered: ['Cut', 'Colour'] }, en).message).toBe(
      'Which service do you mean? We offer Cut or Colour.',
    );
    expect(
      render({ kind: 'clarify', reason: 'meridiem', options: [TEN, new Date('2030-03-04T21:00:00Z')] }, de),
    ).toEqual({
      success: false,
      message: 'Meinen Sie Montag, 4. März um 10:00 Uhr oder um 22:00 Uhr?',
      data: { missing: ['date'], clarify: 'meridiem', options: [TEN.toISOString(), '2030-03-04T21:00:00.000Z'] },
    });
    expect(render({ kind: 'failed', code: 'CALCOM_UNAVAILABLE' }, en)).toEqual({
      success: false,
      message: "I can't reach the calendar right now. May we call you back?",
    });
  });
});
