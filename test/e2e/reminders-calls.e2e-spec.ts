import { ReminderDispatcherService } from '../../src/modules/reminders/reminder-dispatcher.service';
import { Reminder } from '../../src/modules/reminders/reminder.entity';
import { berlin, dayFromNow } from '../support/calcom';
import request from 'supertest';
import { CUSTOMER, useReminderSuite } from '../support/reminders.testing';

/** Retell's create-phone-call has no idempotency key: a reminder is claimed first, asked once, retried by us alone. */
describe('Reminder calls: claims, refusals and retries', () => {
  const rig = useReminderSuite();
  const { suite, retell } = rig;
  const day = dayFromNow(4);
  const due = berlin(dayFromNow(3), '10:00');
  const at = (minutes: number) => new Date(due.getTime() + minutes * 60_000);
  const rows = () => suite.t.dataSource.getRepository(Reminder);

  beforeEach(() => rig.book(day, '10:00'));

  it('places one call when two rounds race for the same due reminder', async () => {
    await rig.tick(at(-60));
    const dispatcher = suite.t.app.get(ReminderDispatcherService);
    const claimed = await Promise.all([dispatcher.dispatch(due), dispatcher.dispatch(due), dispatcher.dispatch(due)]);
    expect(claimed.sort()).toEqual([0, 0, 1]);
    expect(retell.placed).toHaveLength(1);
  });

  it('takes back a claim whose instance died before asking Retell, once its lease is over, and no sooner', async () => {
    await rig.tick(at(-60));
    await rows().update({ status: 'scheduled' }, { status: 'calling', attempts: 1, leaseUntil: at(1) });
    await rig.tick(at(0));
    expect(retell.calls).toEqual([]);
    await rig.tick(at(2));
    expect(retell.placed).toHaveLength(1);
    expect(await rig.reminders()).toMatchObject([{ status: 'placed', attempts: 2, leaseUntil: null }]);
  });

  it.each([
    [401, 'Unauthorized'],
    [402, 'Trial has ended'],
    [400, 'Invalid request'],
  ])('gives up at once when Retell refuses with %i, saying why', async (status, message) => {
    retell.refuse(status, message);
    await rig.tick(at(0));
    await rig.tick(at(60));
    expect(retell.calls.map((call) => call.status)).toEqual([status]);
    expect(await rig.reminders()).toMatchObject([
      { status: 'failed', reason: `Retell ${status}: ${message}`, attempts: 1 },
    ]);
  });

  it('gives up when the number to call from is not one of the workspace', async () => {
    const company = await suite.t.dataSource.query(
      `UPDATE companies SET reminders = jsonb_set(reminders, '{fromNumber}', '"+493099999999"')`,
    );
    expect(company).toBeDefined();
    await rig.tick(at(0));
    expect(await rig.reminders()).toMatchObject([
      { status: 'failed', reason: expect.stringMatching(/^Retell 422: .*\+493099999999/) },
    ]);
  });

  it('retries a rate limit, a server error and a lost connection with growing waits, never in a tight loop', async () => {
    retell.refuse(429, 'Too many requests');
    await rig.tick(at(0));
    expect(await rig.reminders()).toMatchObject([
      { status: 'retry', attempts: 1, nextAt: at(1), reason: 'Retell 429: Too many requests' },
    ]);
    await rig.tick(at(0.5));
    expect(retell.calls).toHaveLength(1);
    retell.dropConnection();
    await rig.tick(at(1));
    expect(await rig.reminders()).toMatchObject([{ status: 'retry', attempts: 2, nextAt: at(3) }]);
    await rig.tick(at(3));
    expect(retell.placed).toHaveLength(1);
    expect(await rig.reminders()).toMatchObject([{ status: 'placed', attempts: 3 }]);
  });

  it('keeps the customer’s number out of a refusal’s reason, and erases the reminders with the customer', async () => {
    retell.refuse(400, `to_number ${CUSTOMER} is not a valid number`);
    await rig.tick(at(0));
    expect(await rig.reminders()).toMatchObject([
      { status: 'failed', reason: 'Retell 400: to_number <customer> is not a valid number' },
    ]);
    const admin = { authorization: `Bearer ${suite.t.adminToken}` };
    await request(suite.t.server)
      .delete(`/api/admin/customers/by-phone/${encodeURIComponent(CUSTOMER)}`)
      .set(admin)
      .expect(200);
    expect(await rig.reminders()).toEqual([]);
  });

  it('fails after the company’s attempts, with the last reason', async () => {
    retell.refuse(500, 'Internal error', 3);
    for (const minute of [0, 1, 3, 7]) await rig.tick(at(minute));
    expect(retell.calls.map((call) => call.status)).toEqual([500, 500, 500]);
    expect(await rig.reminders()).toMatchObject([
      { status: 'failed', attempts: 3, reason: 'Retell 500: Internal error' },
    ]);
  });
});
