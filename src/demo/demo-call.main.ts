import { spawn, spawnSync } from 'node:child_process';
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

const USAGE = `usage: npm run demo:call [-- --json] [-- --situations] [-- --url http://localhost:3000 --retell-key <key> --admin-token <token>]
  Plays a whole signed Retell call with the demo salon and prints each turn, then the stored call.
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

/** A gateway of its own: `npm run demo` on a fresh embedded database, with an admin token made beforehand. */
async function ownGateway(): Promise<{ target: DemoTarget; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vbg-demo-call-'));
  const retellKey = `key_demo_${randomBytes(8).toString('hex')}`;
  const port = await freePort();
  const env = childEnvironment({
    DATA_DIR: join(dir, 'data'),
    RETELL_API_KEYS: retellKey,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
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
  for (
    let i = 0;
    (await fetch(`${url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    )) !== 200;
    i += 1
  ) {
    if (child.exitCode !== null || i > 600) throw new Error('the demo gateway did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
      url: { type: 'string' },
      'retell-key': { type: 'string' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const given = values.url && values['retell-key'] && values['admin-token'];
  if (values.url && !given) throw new Error(USAGE);
  const own = given ? null : await ownGateway();
  const target = own?.target ?? {
    url: values.url!,
    retellKey: values['retell-key']!,
    adminToken: values['admin-token']!,
  };
  try {
    const json = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
    if (values.situations) {
      const heard = await playSituations(target, values.json ? (answer) => json({ answer }) : printSituation);
      const kept = heard.filter((answer) => answer.broken.length === 0).length;
      if (!values.json) process.stdout.write(`\n${kept} of ${heard.length} answers keep every rule\n`);
      return;
    }
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

main().catch((error: Error) => {
  process.stderr.write(`demo:call failed: ${error.message}\n`);
  process.exit(1);
});
