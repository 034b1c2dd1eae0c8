import { parseBooking, parseSlots, unwrap } from './calcom.parse';

describe(parseSlots.name, () => {
  it('reads the objects Cal.com sends and the strings its OpenAPI document describes, sorted', () => {
    const sut = parseSlots({
      '2026-12-01': [{ start: '2026-12-01T10:00:00.000+01:00' }, { start: '2026-12-01T09:00:00.000+01:00' }],
      '2026-12-02': ['2026-12-02T09:00:00.000+01:00'],
    });
    expect([...sut.entries()].map(([day, slots]) => [day, slots.map((s) => s.toISOString())])).toEqual([
      ['2026-12-01', ['2026-12-01T08:00:00.000Z', '2026-12-01T09:00:00.000Z']],
      ['2026-12-02', ['2026-12-02T08:00:00.000Z']],
    ]);
    expect(parseSlots({}).size).toBe(0);
  });

  it('refuses what is not a slot list', () => {
    expect(() => parseSlots([])).toThrow('Unexpected Cal.com answer');
    expect(() => parseSlots({ tomorrow: [] })).toThrow('Unexpected Cal.com answer');
    expect(() => parseSlots({ '2026-12-01': [{ start: 'soon' }] })).toThrow('Unexpected Cal.com answer');
  });
});

describe(parseBooking.name, () => {
  const raw = {
    id: 1,
    uid: 'u1',
    status: 'pending',
    start: '2026-12-01T09:00:00.000Z',
    end: '2026-12-01T09:30:00.000Z',
    eventType: { id: 1001 },
    metadata: { bookingKey: 'k', n: 1 },
    rescheduledToUid: 'u2',
  };

  it('maps a booking to our type, taking the event type id from the eventType object', () => {
    expect(parseBooking(raw)).toEqual({
      uid: 'u1',
      status: 'pending',
      start: new Date(raw.start),
      end: new Date(raw.end),
      eventTypeId: 1001,
      metadata: { bookingKey: 'k' },
      rescheduledToUid: 'u2',
    });
  });

  it('marks an unreadable booking answer as uncertain: the booking may exist', () => {
    expect(() => parseBooking({ ...raw, status: 'confirmed' })).toThrow(expect.objectContaining({ uncertain: true }));
    expect(() => unwrap({ data: {} })).toThrow('no success envelope');
  });
});
