import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { berlin, bookingTenant, CALCOM_KEY, dayFromNow, startCalcomFake } from '../support/calcom';
import { baseUrl } from '../support/mcp';
import { CLI } from '../support/process';
import { createBackend, createTestApp, TestBackend } from '../support/test-app';

/** `npm run calcom:webhooks`, as an operator runs it: the real CLI against the company's Cal.com (the fake). */
describe('calcom:webhooks: the subscription in Cal.com', () => {
  let fake: CalcomFake;
  let backend: TestBackend;
  let dir: string;
  /** The command in a process of its own; never spawnSync here: the fake answering it lives in this process. */
  const cli = (...args: string[]) =>
    new Promise<{ status: number | null; out: string; err: string }>((resolve) => {
      const env = { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...backend.env, CALCOM_BASE_URL: fake.url };
      execFile(process.execPath, [CLI, ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) =>
        resolve({ status: error ? (error.code as number) : 0, out: stdout.trim(), err: stderr.trim() }),
      );
    });

  beforeAll(async () => {
    fake = await startCalcomFake();
    backend = await createBackend();
    dir = mkdtempSync(join(tmpdir(), 'vbg-subscriptions-'));
    writeFileSync(join(dir, 'tenants.json'), JSON.stringify({ companies: [bookingTenant()] }));
    expect((await cli('tenants:import', join(dir, 'tenants.json'))).status).toBe(0);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await backend.dispose();
    await fake.stop();
  });

  it('creates the subscription once, then updates it, lists it and removes it', async () => {
    const url = 'https://gateway.example.com/api/webhooks/calcom/salon';
    const first = await cli('calcom:webhooks', '--company', 'salon', '--url', 'https://gateway.example.com/');
    expect(first).toMatchObject({
      status: 0,
      out: expect.stringMatching(`^Subscription 1 created: ${url} \\(BOOKING_CREATED, `),
    });
    const secret = fake.webhooks.subscriptions.get(1)!.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const again = await cli('calcom:webhooks', '--company', 'salon', '--url', 'https://gateway.example.com');
    expect(again.out.startsWith(`Subscription 1 updated: ${url} (`)).toBe(true);
    expect([...fake.webhooks.subscriptions.values()]).toEqual([
      expect.objectContaining({
        subscriberUrl: url,
        active: true,
        secret,
        triggers: expect.arrayContaining(['BOOKING_NO_SHOW_UPDATED']),
      }),
    ]);
    for (const sent of fake.requestsTo('POST', /^\/v2\/webhooks/))
      expect(sent.headers.authorization).toBe(`Bearer ${CALCOM_KEY}`);
    expect(JSON.parse((await cli('calcom:webhooks', '--company', 'salon', '--list')).out)).toEqual([
      expect.objectContaining({ id: 1, subscriberUrl: url }),
    ]);
    expect((await cli('calcom:webhooks', '--company', 'salon', '--remove')).out).toBe('Removed 1 subscription(s)');
    expect(fake.webhooks.subscriptions.size).toBe(0);
  });

  it('refuses a call without the company or a URL, naming the usage', async () => {
    const wrong = await cli('calcom:webhooks', '--company', 'salon');
    expect(wrong.status).toBe(1);
    expect(wrong.err).toContain('usage: calcom:webhooks --company <slug>');
    expect((await cli('calcom:webhooks', '--company', 'nobody', '--list')).err).toBe('No company with slug "nobody"');
  });

  it('sets up what a running gateway then verifies: Cal.com’s deliveries are stored', async () => {
    // Before the gateway starts (the embedded database is one process's at a time).
    expect((await cli('calcom:webhooks', '--company', 'salon', '--url', 'https://gateway.example.com')).status).toBe(0);
    const t = await createTestApp({ backend, env: { CALCOM_BASE_URL: fake.url } });
    try {
      // The public URL reaches this gateway: point the subscription here, its secret as the command stored it.
      const [id] = fake.webhooks.subscriptions.keys();
      fake.webhooks.route('PATCH', `/v2/webhooks/${id}`, { subscriberUrl: `${baseUrl(t)}/api/webhooks/calcom/salon` });
      fake.outside.bookOnline({
        eventTypeId: 1001,
        start: berlin(dayFromNow(3), '12:00'),
        name: 'Lena',
        phone: '+4915177700001',
      });
      await fake.webhooks.settled();
      expect(fake.webhooks.sent.at(-1)).toMatchObject({ trigger: 'BOOKING_CREATED', status: 200 });
      expect(await t.dataSource.getRepository(Appointment).countBy({ source: 'calcom' })).toBe(1);
    } finally {
      await t.close();
    }
  });
});
