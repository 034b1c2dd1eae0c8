import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { ReminderWorkerService } from '../../src/modules/reminders/reminder-worker.service';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { RetellApiFake } from '../../src/retell-fake/retell-api-fake';
import {
  berlin,
  BOOKING_NUMBER,
  bookingTenant,
  calcomEnv,
  callFunction,
  dayFromNow,
  generousLimits,
  startCalcomFake,
} from '../support/calcom';
import { REMINDER_AGENT, REMINDERS, WORKSPACE_KEY } from '../support/reminders.testing';
import { retellEnv } from '../support/retell';
import { describeWithServices } from '../support/services.testing';
import { createBackend, createTestApp, TestApp, TestBackend } from '../support/test-app';

/** Two instances sharing Postgres, both ticking at the due time: one call, whichever claims it. */
describeWithServices('Reminder calls on two instances sharing Postgres and Redis', () => {
  let backend: TestBackend;
  let calcom: CalcomFake;
  let a: TestApp;
  let b: TestApp;
  const retell = new RetellApiFake([{ apiKey: WORKSPACE_KEY, numbers: [BOOKING_NUMBER], agents: [REMINDER_AGENT] }]);

  beforeAll(async () => {
    backend = await createBackend();
    calcom = await startCalcomFake();
    const env = { ...retellEnv, ...calcomEnv(calcom), ...generousLimits, REMINDER_TICK_MS: '0' };
    const retellUrl = await retell.start();
    a = await createTestApp({ backend, env: { ...env, RETELL_API_BASE_URL: retellUrl } });
    b = await createTestApp({ backend, env: { ...env, RETELL_API_BASE_URL: retellUrl } });
    await a.app.get(TenantsImportService).importDocument({ companies: [{ ...bookingTenant(), reminders: REMINDERS }] });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await backend?.dispose();
    await calcom?.stop();
    await retell.stop();
  });

  it('places each due reminder exactly once, however many rounds of both instances race for it', async () => {
    for (const [time, caller] of [
      ['10:00', '+4915100000001'],
      ['10:30', '+4915100000002'],
      ['11:00', '+4915100000003'],
    ]) {
      const args = { service: 'Haarschnitt', date: dayFromNow(4), time, name: 'Kundin' };
      await callFunction(a, 'book-appointment', args, { call_id: `book_${time}`, from_number: caller }).expect(200);
    }
    const due = berlin(dayFromNow(3), '11:00');
    const tick = (t: TestApp) => t.app.get(ReminderWorkerService).tick(due);
    await Promise.all([tick(a), tick(b), tick(a), tick(b)]);
    await Promise.all([tick(a), tick(b)]);
    expect(retell.placed.map((call) => call.body.to_number).sort()).toEqual([
      '+4915100000001',
      '+4915100000002',
      '+4915100000003',
    ]);
  });
});
