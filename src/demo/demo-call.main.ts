import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { childEnvironment } from '../config/configuration';
import type { DemoTarget, DemoTurn } from './demo-call';
import { playDemoCall } from './demo-conversation';
import { playSituations, SituationAnswer } from './demo-situations';
import { playReminderCall, REMINDER_AGENT, waitForCall } from './demo-reminder';
import { RetellApiFake } from '../retell-fake/retell-api-fake';

const USAGE = `usage: npm run demo:call [-- --json] [-- --situations | --reminder]
       npm run demo:call -- --url http://localhost:3000 --retell-key <key> --admin-token <token>
  Plays a whole signed Retell call with the demo salon and prints each turn, then the stored call.
  --reminder: books an appointment, lets the salon's reminder fall due and plays the reminder call (the request to
  Retell's API, then the outbound conversation) on a gateway of its own with a Retell API fake.
  --situations: plays the receptionist measure instead (closed, past, taken, moves, … in German and English) and prints
  each answer with the rules it breaks.
  Without --url it starts its own gateway (embedded database in a temporary folder, Cal.com fake) and stops it after.`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Polls the gateway's readiness (a child process that exits or takes 30 s fails the demo). */
async function untilReady(url: string, child: ChildProcess): Promise<void> {
  const ready = () =>
    fetch(`${url}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
  for (let i = 0; !(await ready()); i += 1) {
    if (child.exitCode !== null || i > 600) throw new Error('the demo gateway did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A gateway of its own: `npm run demo` on a fresh embedded database, with an admin token made beforehand. */
async function ownGateway(
  retellKey = `key_demo_${randomBytes(8).toString('hex')}`,
  extra: Record<string, string> = {},
): Promise<{ target: DemoTarget; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vbg-demo-call-'));
  const port = await freePort();
  const env = childEnvironment({
    DATA_DIR: join(dir, 'data'),
    RETELL_API_KEYS: retellKey,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...extra,
  });
  const cli = join(__dirname, '..', 'cli.js');
  const made = spawnSync(process.execPath, [cli, 'token:create', '--kind', 'admin', '--name', 'demo call'], {
    env,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`could not create an admin token: ${made.stderr}`);
  const adminToken = made.stdout.trim().split('\n').at(-1)!;
  const child = spawn(process.execPath, [join(__dirname, 'demo.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(url, child);
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  };
  return { target: { url, retellKey, adminToken }, stop };
}

const said = (answer: unknown) => (answer as { message?: string } | null)?.message;

/** A turn as the caller lives it. */
function printTurn(turn: DemoTurn): void {
  const ms = `${turn.ms.toFixed(0)} ms`;
  if (turn.step === 'create-phone-call') {
    const body = JSON.stringify(turn.request.args, null, 2).split('\n').join('\n  ');
    return void process.stdout.write(`\n· the gateway asks Retell's API: POST /v2/create-phone-call\n  ${body}\n`);
  }
  if (!turn.request.function) {
    const variables = (turn.answer as { call_inbound?: { dynamic_variables?: object } } | null)?.call_inbound
      ?.dynamic_variables;
    const detail = variables ? ` → dynamic variables ${JSON.stringify(variables)}` : '';
    return void process.stdout.write(`· Retell ${turn.step}: HTTP ${turn.status} in ${ms}${detail}\n`);
  }
  process.stdout.write(`\n${turn.caller ?? 'Caller'}: "${turn.said}"\n`);
  process.stdout.write(
    `  agent calls ${turn.request.function.replace(/-/g, '_')} ${JSON.stringify(turn.request.args)}\n`,
  );
  process.stdout.write(`  gateway (${ms}): "${said(turn.answer) ?? JSON.stringify(turn.answer)}"\n`);
}

function printStored(call: Record<string, unknown>): void {
  const { status, durationMs, costCents, analysis, transcript, appointments } = call as Record<string, never>;
  process.stdout.write(
    `\nStored call (GET /api/admin/calls/${String(call.id)}): ${status}, ${Number(durationMs) / 1000} s, `,
  );
  process.stdout.write(`cost ${costCents} ct, ${(appointments as unknown[] | undefined)?.length ?? 0} appointments\n`);
  process.stdout.write(
    `  analysis: ${JSON.stringify(analysis)}\n  transcript:\n    ${String(transcript).split('\n').join('\n    ')}\n`,
  );
}

function printSituation({ situation, status, message, broken }: SituationAnswer): void {
  process.stdout.write(`\n[${situation.locale}] ${situation.id}: ${situation.title}\n`);
  process.stdout.write(`  ${situation.turn.fn} ${JSON.stringify(situation.turn.args)}\n`);
  process.stdout.write(`  HTTP ${status}: "${message}"\n`);
  if (broken.length > 0) process.stdout.write(`  breaks: ${broken.join('; ')}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      situations: { type: 'boolean' },
      reminder: { type: 'boolean' },
      url: { type: 'string' },
      'retell-key': { type: 'string' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const given = values.url && values['retell-key'] && values['admin-token'];
  if (values.url && !given) throw new Error(USAGE);
  if (values.reminder) {
    if (values.url)
      throw new Error('--reminder starts its own gateway (with a Retell API fake beside it): leave out --url');
    return reminderDemo(values.json === true);
  }
  const own = given ? null : await ownGateway();
  const target = own?.target ?? {
    url: values.url!,
    retellKey: values['retell-key']!,
    adminToken: values['admin-token']!,
  };
  try {
    if (values.situations) return await situationsDemo(target, values.json === true);
    const stored = (await playDemoCall(target, values.json ? (turn) => json({ turn }) : printTurn)) as Record<
      string,
      unknown
    >;
    if (values.json) json({ stored });
    else printStored(stored);
  } finally {
    await own?.stop();
  }
}

const json = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

/** `--situations`: the receptionist measure, each answer with the rules it breaks. */
async function situationsDemo(target: DemoTarget, asJson: boolean): Promise<void> {
  const heard = await playSituations(target, asJson ? (answer) => json({ answer }) : printSituation);
  const kept = heard.filter((answer) => answer.broken.length === 0).length;
  if (!asJson) process.stdout.write(`\n${kept} of ${heard.length} answers keep every rule\n`);
}

/** `--reminder`: a gateway of its own whose reminder calls go to a Retell API fake; the call end to end. */
async function reminderDemo(asJson: boolean): Promise<void> {
  const retellKey = `key_demo_${randomBytes(8).toString('hex')}`;
  const retell = new RetellApiFake([
    { apiKey: retellKey, numbers: ['+493000000000', '+12125550100'], agents: [REMINDER_AGENT] },
  ]);
  const own = await ownGateway(retellKey, { RETELL_API_BASE_URL: await retell.start(), REMINDER_TICK_MS: '1000' });
  try {
    if (!asJson) process.stdout.write('· waiting for the reminder to fall due (within a minute) …\n');
    const reminder = await playReminderCall(
      own.target,
      retell,
      asJson ? (turn) => json({ turn }) : printTurn,
      waitForCall(retell),
    );
    if (asJson) json({ reminder });
    else process.stdout.write(`\nThe reminder (GET /api/admin/reminders): ${JSON.stringify(reminder)}\n`);
  } finally {
    await own.stop();
    await retell.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`demo:call failed: ${error.message}\n`);
  process.exit(1);
});
