import type { ToolResult } from '../tool-results';
import { render } from './render';

const de = { locale: 'de' as const, timezone: 'Europe/Berlin' };
const en = { locale: 'en' as const, timezone: 'Europe/Berlin' };
const TEN = new Date('2030-03-04T09:00:00.000Z');
const NOON = new Date('2030-03-05T11:00:00.000Z');
const TEN_THIRTY = new Date('2030-03-04T10:30:00.000Z');
const ELEVEN_THIRTY = new Date('2030-03-04T11:30:00.000Z');

describe('render: tool results as the agent says them', () => {
  it('says a free time in the company language and timezone, with ISO data for the model', () => {
    expect(render({ kind: 'free', start: TEN }, de)).toEqual({
      success: true,
      message: 'Montag, 4. März um 10 Uhr ist frei. Soll ich den Termin für Sie buchen?',
      data: { available: true, start: TEN.toISOString() },
    });
    expect(render({ kind: 'free', start: TEN }, en).message).toBe(
      'Monday, March 4 at 10 am is free. Shall I book it for you?',
    );
  });

  it('says a taken time with alternatives on the same day, or that nothing is free', () => {
    const taken = render(
      {
        kind: 'unavailable',
        wanted: TEN,
        day: '2030-03-04',
        why: { reason: 'taken' },
        alternatives: [TEN_THIRTY, ELEVEN_THIRTY],
      },
      de,
    );
    expect(taken).toMatchObject({
      success: false,
      data: {
        available: false,
        reason: 'taken',
        alternatives: [TEN_THIRTY.toISOString(), ELEVEN_THIRTY.toISOString()],
      },
    });
    expect(taken.message).toBe(
      'Montag, 4. März um 10 Uhr ist leider vergeben. Wie wäre es am selben Tag um halb 12 oder um 12:30 Uhr?',
    );
    const none = {
      kind: 'unavailable',
      wanted: null,
      day: '2030-03-04',
      why: { reason: 'full' },
      alternatives: [],
    } satisfies ToolResult;
    expect(render(none, en).message).toBe(
      "Nothing is free on Monday, March 4, I'm afraid. The coming days are full too. May we call you back?",
    );
  });

  it('marks a requested booking as not yet confirmed, and a move as a move', () => {
    const appointment = { id: 'a1', service: 'Cut', start: TEN, status: 'requested' as const };
    expect(render({ kind: 'booked', appointment, moved: false }, en)).toEqual({
      success: true,
      message:
        "I've requested the appointment: Cut on Monday, March 4 at 10 am. You'll get a confirmation. Anything else I can help with?",
      data: { appointment_id: 'a1', status: 'requested', start: TEN.toISOString(), service: 'Cut' },
    });
    const confirmed = { ...appointment, status: 'confirmed' as const };
    const moved = render({ kind: 'booked', appointment: confirmed, moved: true, previous: NOON }, de);
    expect(moved.message).toBe(
      'Ihr Cut ist verschoben: von Dienstag, 5. März um 12 Uhr auf Montag, 4. März um 10 Uhr. Kann ich sonst noch helfen?',
    );
    expect(moved.data).toMatchObject({ previous_start: NOON.toISOString(), changed: true });
    const same = render({ kind: 'booked', appointment: confirmed, moved: true, previous: TEN, unchanged: true }, en);
    expect(same.message).toBe(
      'Your Cut is already on Monday, March 4 at 10 am and stays as it is. Anything else I can help with?',
    );
  });

  it('asks back in a sentence for everything that is not an answer yet', () => {
    expect(render({ kind: 'needTime', again: false }, de).message).toBe(
      'Zu welcher Uhrzeit hätten Sie gern den Termin?',
    );
    expect(render({ kind: 'needTime', again: false, day: true }, en).message).toBe(
      'Which day and what time would you like?',
    );
    expect(render({ kind: 'missingArguments', fields: ['service', 'date'] }, en).message).toBe(
      'I still need the service and the date. Could you tell me?',
    );
    expect(render({ kind: 'unknownService', offered: ['Cut', 'Colour'] }, en).message).toBe(
      'Which service do you mean? We offer Cut or Colour.',
    );
    expect(
      render({ kind: 'clarify', reason: 'meridiem', options: [TEN, new Date('2030-03-04T21:00:00Z')] }, de),
    ).toEqual({
      success: false,
      message: 'Meinen Sie Montag, 4. März um 10 Uhr oder um 22 Uhr?',
      data: { missing: ['time'], clarify: 'meridiem', options: [TEN.toISOString(), '2030-03-04T21:00:00.000Z'] },
    });
    expect(render({ kind: 'failed', code: 'CALCOM_UNAVAILABLE' }, en)).toEqual({
      success: false,
      message: "I can't reach the calendar right now. May we call you back?",
    });
  });
});
