import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { DEMO_EVENT_TYPES } from '../../src/calcom-fake/demo-event-types';
import type { DemoTurn } from '../../src/demo/demo-call';
import { playDemoCall } from '../../src/demo/demo-conversation';
import { DEMO_TENANT } from '../../src/modules/tenants/demo-tenant';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { RETELL_KEY, retellEnv } from '../support/retell';
import { baseUrl } from '../support/mcp';
import { createTestApp, TestApp } from '../support/test-app';

const message = (turn: DemoTurn) => (turn.answer as { message: string }).message;

describe('npm run demo:call: a whole demo conversation', () => {
  let t: TestApp;
  let fake: CalcomFake;

  beforeAll(async () => {
    fake = new CalcomFake({ eventTypes: DEMO_EVENT_TYPES });
    await fake.start();
    t = await createTestApp({ env: { ...retellEnv, CALCOM_BASE_URL: fake.url } });
    await t.app.get(TenantsImportService).importDocument(DEMO_TENANT);
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('rings, offers alternatives, holds one while the caller decides, books, finds, moves, stores the call', async () => {
    const turns: DemoTurn[] = [];
    const target = { url: baseUrl(t), retellKey: RETELL_KEY, adminToken: t.adminToken };
    const stored = (await playDemoCall(target, (turn) => turns.push(turn), 'call_demo_e2e')) as Record<string, never>;
    expect(turns.map((turn) => [turn.step, turn.status])).toEqual([
      ['call_inbound', 200],
      ['call_started', 204],
      ['list-services', 200],
      ['check-availability', 200],
      ['collect-appointment-data', 200],
      ['collect-appointment-data', 200],
      ['collect-appointment-data', 200],
      ['query-customer-appointments', 200],
      ['reschedule-appointment', 200],
      ['call_ended', 204],
      ['call_analyzed', 204],
    ]);
    const [, , services, check, held, rival, booked, lookup, moved] = turns;
    expect(message(services)).toBe(
      'Wir bieten an: Färben (90 Minuten) und Haarschnitt (30 Minuten). Was darf es sein?',
    );
    expect(message(check)).toMatch(/um 10 Uhr ist leider vergeben\. Wie wäre es .*\?$/);
    expect(message(held)).toMatch(
      /^Ich fasse zusammen: Haarschnitt am Dienstag.* für Mia Muster\. Soll ich das so buchen\?$/,
    );
    expect((held.answer as { data: { held_until: string } }).data.held_until).toEqual(expect.any(String));
    expect([rival.caller, (rival.answer as { data: { available: boolean } }).data.available]).toEqual([
      'Another caller, meanwhile',
      false,
    ]);
    expect(message(rival)).toMatch(/ist leider vergeben\. Wie wäre es .*\?$/);
    expect(message(booked)).toMatch(/^Ihr Termin ist gebucht: Haarschnitt am Dienstag/);
    expect(message(lookup)).toMatch(/^Sie haben einen Termin: Haarschnitt am Dienstag/);
    expect(message(moved)).toMatch(
      /^Ihr Haarschnitt ist verschoben: von Dienstag, .* auf Mittwoch, \d+\. \p{L}+ um 11 Uhr\. Kann ich sonst noch helfen\?$/u,
    );
    expect(stored).toMatchObject({ status: 'ended', durationMs: 94_000, analysis: { call_successful: true } });
    expect(stored.transcript).toContain('User: Welche Leistungen bieten Sie an?');
    expect(stored.transcript).toMatch(/\nAgent: Ihr Termin ist gebucht: Haarschnitt am Dienstag/);
    expect(stored.transcript).not.toContain('Rita');
    expect(fake.holds.size).toBe(0);
    const upstream = [...fake.bookings.values()].map((booking) => booking.status).sort();
    expect(upstream).toEqual(['accepted', 'accepted', 'cancelled']);
  });
});
