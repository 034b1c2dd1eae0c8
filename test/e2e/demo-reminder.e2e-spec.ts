import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { DEMO_EVENT_TYPES } from '../../src/calcom-fake/demo-event-types';
import type { DemoTurn } from '../../src/demo/demo-call';
import { playReminderCall, REMINDER_AGENT } from '../../src/demo/demo-reminder';
import { ReminderWorkerService } from '../../src/modules/reminders/reminder-worker.service';
import { DEMO_TENANT } from '../../src/modules/tenants/demo-tenant';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { RetellApiFake } from '../../src/retell-fake/retell-api-fake';
import { baseUrl } from '../support/mcp';
import { RETELL_KEY, retellEnv } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

describe('npm run demo:call -- --reminder: a reminder call end to end', () => {
  let t: TestApp;
  let calcom: CalcomFake;
  const retell = new RetellApiFake([
    { apiKey: 'key_old_rotated_out', numbers: ['+493000000000'], agents: [REMINDER_AGENT] },
  ]);

  beforeAll(async () => {
    calcom = new CalcomFake({ eventTypes: DEMO_EVENT_TYPES });
    await calcom.start();
    const env = { ...retellEnv, CALCOM_BASE_URL: calcom.url, RETELL_API_BASE_URL: await retell.start() };
    t = await createTestApp({ env: { ...env, REMINDER_TICK_MS: '0' } });
    await t.app.get(TenantsImportService).importDocument(DEMO_TENANT);
  });
  afterAll(async () => {
    await t.close();
    await calcom.stop();
    await retell.stop();
  });

  it('books, falls due, asks Retell once, and ends confirmed by the customer', async () => {
    const turns: DemoTurn[] = [];
    const target = { url: baseUrl(t), retellKey: RETELL_KEY, adminToken: t.adminToken };
    const advance = (due: Date) => t.app.get(ReminderWorkerService).tick(due);
    const reminder = await playReminderCall(target, retell, (turn) => turns.push(turn), advance);
    expect(turns.map((turn) => [turn.step, turn.status])).toEqual([
      ['book-appointment', 200],
      ['create-phone-call', 201],
      ['call_started', 204],
      ['query-customer-appointments', 200],
      ['confirm-appointment', 200],
      ['call_ended', 204],
    ]);
    expect(retell.placed).toHaveLength(1);
    expect(retell.placed[0].body).toMatchObject({ from_number: '+493000000000', override_agent_id: REMINDER_AGENT });
    const said = (turn: DemoTurn) => (turn.answer as { message: string }).message;
    expect(said(turns[4])).toMatch(/^Danke, dann bis \p{L}+, \d+\. \p{L}+ um 10 Uhr!/u);
    expect(reminder).toMatchObject({ status: 'confirmed', attempts: 1 });
  });
});
