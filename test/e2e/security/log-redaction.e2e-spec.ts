import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { signRetellBody } from '../../../src/modules/access/retell-signature';
import { waitFor } from '../../support/process';

/** A whole signed call flow against the real server process at log level trace; its log must hold no secrets or PII. */
const DEMO = join(__dirname, '..', '..', '..', 'dist', 'src', 'demo', 'demo.js');
const CLI = join(__dirname, '..', '..', '..', 'dist', 'src', 'cli.js');
const RETELL_KEY = 'key_log_redaction_secret_1';
const COMPANY_KEY = 'key_log_redaction_company_own_1';
const CALLER = '+4915187654321';
const NAME = 'Zacharias Quellenberg';
const EMAIL = 'zacharias.quellenberg@example.org';
const TRANSCRIPT = 'Agent: Willkommen. User: Mein Geheimwort lautet Pflaumenbaum.';
const DEMO_NUMBER = '+493000000000';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('Security: logs of a full call flow hold no personal data or secrets', () => {
  let dataDir: string;
  let child: ChildProcess;
  let log = '';
  let base = '';
  const secrets: string[] = [];

  const signed = async (path: string, body: object, key = RETELL_KEY) => {
    const raw = JSON.stringify(body);
    const signature = signRetellBody(raw, key, Date.now());
    secrets.push(signature.split(',d=')[1]);
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-retell-signature': signature },
      body: raw,
    });
  };
  const call = {
    call_id: 'call_log_1',
    agent_id: 'agent_demo',
    direction: 'inbound',
    from_number: CALLER,
    to_number: DEMO_NUMBER,
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vbg-logs-'));
    const env = {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
      RETELL_API_KEYS: RETELL_KEY,
    };
    const token = (kind: string, extra: string[] = []) =>
      spawnSync(process.execPath, [CLI, 'token:create', '--kind', kind, '--name', 'log test', ...extra], {
        env,
        encoding: 'utf8',
      })
        .stdout.trim()
        .split('\n')
        .at(-1)!;
    const admin = token('admin');
    secrets.push(admin, RETELL_KEY, 'cal_demo_key');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The demo launcher: the gateway with the Cal.com fake, as `npm run demo` starts it.
    child = spawn(process.execPath, [DEMO], { env: { ...env, PORT: String(port) } });
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(
      async () => (await fetch(`${base}/health/ready`)).status === 200,
      15_000,
      'the demo gateway to be ready',
    );
    const company = (
      (await (
        await fetch(`${base}/api/admin/companies`, { headers: { authorization: `Bearer ${admin}` } })
      ).json()) as Array<{ id: string; slug: string }>
    ).find((row) => row.slug === 'demo-salon')!;
    const created = (await (
      await fetch(`${base}/api/admin/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'function', name: 'agent', companyId: company.id }),
      })
    ).json()) as { token: string };
    secrets.push(created.token);

    const day = DateTime.now()
      .setZone('Europe/Berlin')
      .plus({ days: 1 })
      .set({ weekday: 2 })
      .plus({ weeks: 1 })
      .toISODate()!;
    await signed('/api/webhooks/retell/inbound', {
      event: 'call_inbound',
      call_inbound: { agent_id: 'agent_demo', from_number: CALLER, to_number: DEMO_NUMBER },
    });
    await signed('/api/webhooks/retell', { event: 'call_started', call: { ...call, call_status: 'ongoing' } });
    await fetch(`${base}/api/retell/collect-customer-info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ call, args: { name: NAME, email: EMAIL } }),
    });
    await signed('/api/retell/check-availability', {
      name: 'check_availability',
      call,
      args: { service: 'Haarschnitt', date: day, time: '10:00' },
    });
    const booked = await (
      await signed('/api/retell/book-appointment', {
        name: 'book_appointment',
        call,
        args: { service: 'Haarschnitt', date: day, time: '10:00', name: NAME, email: EMAIL, phone: CALLER },
      })
    ).json();
    expect(booked).toMatchObject({ success: true });
    await signed('/api/retell/query-customer-appointments', { name: 'query', call, args: {} });
    await signed('/api/retell/cancel-appointment', {
      name: 'cancel',
      call,
      args: { date: day, reason: `${NAME} ist krank` },
    });
    await signed('/api/webhooks/retell', {
      event: 'call_ended',
      call: {
        ...call,
        call_status: 'ended',
        transcript: TRANSCRIPT,
        start_timestamp: Date.now() - 60_000,
        end_timestamp: Date.now(),
        duration_ms: 60_000,
      },
    });
    await signed('/api/webhooks/retell', {
      event: 'call_analyzed',
      call: {
        ...call,
        call_status: 'ended',
        transcript: TRANSCRIPT,
        call_analysis: { call_summary: `${NAME} booked and cancelled` },
      },
    });
    // The company gets Retell keys of its own (write-only): its calls are signed with them, the deployment's is refused.
    await fetch(`${base}/api/admin/companies/${company.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ retellApiKeys: [COMPANY_KEY], calcomApiKey: 'cal_demo_key' }),
    });
    secrets.push(COMPANY_KEY);
    const own = await signed('/api/retell/list-services', { name: 'list', call, args: {} }, COMPANY_KEY);
    expect(own.status).toBe(200);
    expect((await signed('/api/retell/list-services', { name: 'list', call, args: {} })).status).toBe(403);
    // Failures log too: a forged signature over the caller's details, and admin lookups with the number in the URL.
    await fetch(`${base}/api/retell/book-appointment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-retell-signature': `v=${Date.now()},d=${'0'.repeat(64)}` },
      body: JSON.stringify({ call, args: { name: NAME, email: EMAIL } }),
    });
    await fetch(`${base}/api/admin/customers?phone=${encodeURIComponent(CALLER)}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    await fetch(`${base}/api/admin/customers/by-phone/${encodeURIComponent(CALLER)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin}` },
    });
    await fetch(`${base}/api/admin/customers/by-phone/${CALLER}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer wrong' },
    });
    // A token put where it does not belong is refused, and logged masked.
    expect((await fetch(`${base}/api/admin/tokens?access_token=${admin}`)).status).toBe(401);
    expect((await fetch(`${base}/api/admin/tokens?limit=1&token=${admin}`)).status).toBe(401);
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }, 60_000);
  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logged the flow (so the test can fail)', () => {
    const requests = log.split('\n').filter((line) => line.includes('"req":'));
    expect(requests.length).toBeGreaterThanOrEqual(12);
    expect(log).toContain('/api/retell/book-appointment');
  });

  it.each([
    ['caller number', CALLER],
    ['caller number without +', CALLER.slice(1)],
    ['caller number, national digits', CALLER.slice(3)],
    ['caller number, URL-encoded', encodeURIComponent(CALLER)],
    ['name', 'Quellenberg'],
    ['e-mail', EMAIL],
    ['e-mail, URL-encoded', encodeURIComponent(EMAIL)],
    ['transcript', 'Pflaumenbaum'],
  ])('contains no %s', (_what, value) => {
    expect(log).not.toContain(value);
  });

  it('contains no token, API key or signature', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(14);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
