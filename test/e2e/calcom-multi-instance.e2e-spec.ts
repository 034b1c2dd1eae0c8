import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import {
  berlin,
  bookingTenant,
  calcomEnv,
  callFunction,
  dayFromNow,
  startCalcomFake,
  generousLimits,
} from '../support/calcom';
import { retellEnv } from '../support/retell';
import { createBackend, createTestApp, TestApp, TestBackend } from '../support/test-app';
import { describeWithServices } from '../support/services.testing';
import { waitFor } from '../support/process';

/** Two instances behind a load balancer: one slot cache, one booking per slot, across both. Needs the real services. */
describeWithServices('Cal.com engine on two instances sharing Postgres and Redis', () => {
  let backend: TestBackend;
  let fake: CalcomFake;
  let a: TestApp;
  let b: TestApp;
  const day = dayFromNow(3);

  beforeAll(async () => {
    backend = await createBackend();
    fake = await startCalcomFake();
    const env = { ...retellEnv, ...calcomEnv(fake), ...generousLimits };
    a = await createTestApp({ backend, env });
    b = await createTestApp({ backend, env });
    await a.app.get(TenantsImportService).importDocument({ companies: [bookingTenant()] });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await backend?.dispose();
    await fake?.stop();
  });

  it('share the slot cache, and a booking on one invalidates it for the other', async () => {
    const check = (t: TestApp) =>
      callFunction(t, 'check-availability', { service: 'Haarschnitt', date: day }).expect(200);
    await check(a);
    await check(b);
    expect(fake.requestsTo('GET', /^\/v2\/slots$/)).toHaveLength(1);
    await callFunction(
      a,
      'book-appointment',
      { service: 'Haarschnitt', date: day, time: '08:00', name: 'Anna' },
      { call_id: 'cache_a' },
    ).expect(200);
    const after = await check(b);
    expect(fake.requestsTo('GET', /^\/v2\/slots$/)).toHaveLength(2);
    expect(after.body.data.days[0].slots).not.toContain(berlin(day, '08:00').toISOString());
  });

  it('give one single-host slot to exactly one of 40 callers spread over both instances', async () => {
    const args = { service: 'Haarschnitt', date: day, time: '15:00', name: 'Caller' };
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        callFunction(i % 2 ? a : b, 'book-appointment', args, {
          call_id: `spread_${i}`,
          from_number: `+49151200000${String(i).padStart(2, '0')}`,
        }),
      ),
    );
    expect(answers.filter((res) => res.body.success)).toHaveLength(1);
    expect(
      fake
        .requestsTo('POST', /^\/v2\/bookings$/)
        .filter((r) => (r.body as { start: string }).start === berlin(day, '15:00').toISOString()),
    ).toHaveLength(1);
  });

  it('serialise a multi-host slot across instances through Redis', async () => {
    const args = { service: 'Team-Beratung', date: day, time: '11:00', name: 'Caller' };
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        callFunction(i % 2 ? a : b, 'book-appointment', args, {
          call_id: `team_${i}`,
          from_number: `+4915130000${i}00`,
        }),
      ),
    );
    expect(answers.filter((res) => res.body.success)).toHaveLength(2);
    const posts = fake
      .requestsTo('POST', /^\/v2\/bookings$/)
      .filter((r) => (r.body as { eventTypeId: number }).eventTypeId === 2001)
      .sort((x, y) => x.receivedAt - y.receivedAt);
    for (let i = 1; i < posts.length; i += 1)
      expect(posts[i].receivedAt).toBeGreaterThanOrEqual(posts[i - 1].answeredAt!);
  });

  it('keep a slot held for a caller on one instance from callers on the other, and book the holder’s yes on either', async () => {
    const wish = { service: 'Haarschnitt', date: day, time: '12:00', name: 'Mia' };
    const on = (t: TestApp, tool: string, args: object, callId: string) =>
      callFunction(t, tool, args, { call_id: callId, from_number: `+49151400${callId.length}0000` }).expect(200);
    expect((await on(a, 'collect-appointment-data', { ...wish, confirm: false }, 'hold_a')).body.success).toBe(true);
    expect((await on(b, 'collect-appointment-data', { ...wish, confirm: false }, 'hold_bb')).body.success).toBe(false);
    expect((await on(b, 'book-appointment', wish, 'hold_bb')).body.success).toBe(false);
    // What the other instance shows follows within a second; what it lets through never lagged.
    const shown = async () => (await on(b, 'check-availability', wish, 'hold_bb')).body.data.available === false;
    await waitFor(shown, 3000, 'the other instance to show the held time as taken');
    const yes = await on(b, 'collect-appointment-data', { ...wish, confirm: true }, 'hold_a');
    expect(yes.body.data).toMatchObject({ status: 'confirmed', start: berlin(day, '12:00').toISOString() });
    expect(fake.holds.size).toBe(0);
  });
});
