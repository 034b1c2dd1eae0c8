import './compile-cache';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CliModule } from './cli.module';
import { cacheZoneOffsets } from './common/zone-offsets';
import { loadEnv } from './config/configuration';
import { assertEmbeddedDatabaseFree } from './database/embedded-lock';
import { retellToolDefinitions } from './modules/retell/retell-tools';
import { TOKEN_KINDS, TokenKind } from './modules/access/api-token.entity';
import { ApiTokensService } from './modules/access/api-tokens.service';
import { CalcomClient } from './modules/calcom/calcom.client';
import { CalcomSubscriptionsService } from './modules/calcom-webhooks/calcom-subscriptions.service';
import { CompanyAccountsService } from './modules/tenants/company-accounts.service';
import { Company } from './modules/tenants/company.entity';
import { SecretsRotationService } from './modules/tenants/secrets-rotation.service';
import { TenantsImportService } from './modules/tenants/tenants-import.service';

type Command = (app: INestApplicationContext, args: string[]) => Promise<string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const commands: Record<string, Command> = {
  'retell:tools': async (_app, args) => {
    const { values } = parseArgs({
      args,
      options: { 'base-url': { type: 'string' }, 'args-only': { type: 'boolean' } },
    });
    if (!values['base-url'] || !/^https?:\/\//.test(values['base-url']))
      throw new Error('usage: retell:tools --base-url https://gateway.example.com [--args-only]');
    return JSON.stringify(retellToolDefinitions(values['base-url'], { argsOnly: values['args-only'] }), null, 2);
  },
  'token:create': async (app, args) => {
    const { values } = parseArgs({
      args,
      options: { kind: { type: 'string' }, name: { type: 'string' }, company: { type: 'string' } },
    });
    if (!TOKEN_KINDS.includes(values.kind as TokenKind) || !values.name) {
      throw new Error('usage: token:create --kind admin|function|viewer --name <label> [--company <id or slug>]');
    }
    const companyId = values.company ? await resolveCompany(app, values.company) : undefined;
    const created = await app
      .get(ApiTokensService)
      .create({ kind: values.kind as TokenKind, name: values.name, companyId });
    return `Created ${created.kind} token ${created.id} ("${created.name}"). Store it now; it is not shown again:\n${created.token}`;
  },
  'token:revoke': async (app, [id]) => {
    if (!id || !UUID.test(id)) throw new Error('usage: token:revoke <token id>');
    await app.get(ApiTokensService).revoke(id);
    return `Revoked token ${id}`;
  },
  'calcom:event-types': async (app, args) => {
    const { values } = parseArgs({ args, options: { company: { type: 'string' } } });
    if (!values.company) throw new Error(`usage: ${USAGE['calcom:event-types']}`);
    const companyId = await resolveCompany(app, values.company);
    const account = await app.get(CompanyAccountsService).calcomAccount(companyId);
    if (!account) throw new Error(`Company ${values.company} has no Cal.com API key: set calcomApiKey first`);
    const types = await app.get(CalcomClient).eventTypes(account);
    if (types.length === 0) return 'Cal.com lists no event types for this key.';
    const rows = types.map(
      (t) => `${String(t.id).padEnd(10)} ${String(t.lengthInMinutes ?? '?').padStart(4)} min  ${t.title}`,
    );
    return ['id         length  title (use the id as calcomEventTypeId)', ...rows].join('\n');
  },
  'calcom:webhooks': async (app, args) => {
    const options = { company: { type: 'string' }, url: { type: 'string' }, list: { type: 'boolean' } } as const;
    const { values } = parseArgs({ args, options: { ...options, remove: { type: 'boolean' } } });
    const subscriptions = app.get(CalcomSubscriptionsService);
    if (!values.company || (!values.list && !values.remove && !/^https?:\/\//.test(values.url ?? '')))
      throw new Error(`usage: ${USAGE['calcom:webhooks']}`);
    if (values.list) return JSON.stringify(await subscriptions.list(values.company), null, 2);
    if (values.remove) return `Removed ${(await subscriptions.remove(values.company)).length} subscription(s)`;
    const report = await subscriptions.setUp(values.company, values.url!);
    return `Subscription ${report.id} ${report.action}: ${report.subscriberUrl} (${report.triggers.join(', ')})`;
  },
  'secrets:rotate': async (app) => {
    const { resealed, current, failed } = await app.get(SecretsRotationService).rotate();
    const lines = [`Re-encrypted ${resealed} secrets under the first ENCRYPTION_KEY; ${current} already were.`];
    for (const { company, reason } of failed) lines.push(`Company ${company}: left as it is: ${reason}`);
    if (failed.length > 0) throw new Error(lines.join('\n'));
    return lines.join('\n');
  },
  'tenants:import': async (app, [file]) => {
    if (!file) throw new Error('usage: tenants:import <file.json>');
    const summary = await app.get(TenantsImportService).importDocument(JSON.parse(readFileSync(file, 'utf8')));
    const { companies, branches, phoneNumbers, services } = summary;
    return `Imported ${companies} companies, ${branches} branches, ${phoneNumbers} phone numbers, ${services} services`;
  },
};

async function resolveCompany(app: INestApplicationContext, ref: string): Promise<string> {
  const companies = app.get<Repository<Company>>(getRepositoryToken(Company));
  const company = await companies.findOneBy(UUID.test(ref) ? { id: ref } : { slug: ref });
  if (!company) throw new Error(`No company with id or slug "${ref}"`);
  return company.id;
}

/** What each command does and takes: `--help` prints it, a wrong call prints it too. */
const USAGE: Record<string, string> = {
  'retell:tools':
    'retell:tools --base-url https://gateway.example.com [--args-only]\n' +
    '  Prints the Retell custom-function definitions to paste into an agent (JSON).',
  'token:create':
    'token:create --kind admin|function --name <label> [--company <id or slug>]\n' +
    '  Creates a token and prints it once. Function tokens need --company.',
  'token:revoke': 'token:revoke <token id>\n  Revokes a token at once.',
  'calcom:event-types':
    'calcom:event-types --company <id or slug>\n' +
    "  Lists the event types of the company's Cal.com account (GET /v2/event-types): their ids go in calcomEventTypeId.",
  'calcom:webhooks':
    'calcom:webhooks --company <slug> (--url <public base URL> | --list | --remove)\n' +
    "  Subscribes the gateway to the company's Cal.com webhooks (idempotent; the secret is made once and stored\n" +
    '  encrypted), lists its subscriptions, or removes them.',
  'secrets:rotate':
    'secrets:rotate\n' +
    '  Re-encrypts every stored secret (Cal.com and Retell keys) under the first ENCRYPTION_KEY. Rotate by putting\n' +
    '  the new key first and keeping the old ones after it; run this; then drop the old keys.',
  'tenants:import':
    'tenants:import <file.json>\n  Creates or updates whole tenants from a JSON document (see the README), all or nothing.',
};

const HELP = `usage: node dist/src/cli.js <command> [options]   (npm run <command> -- [options])

${Object.values(USAGE).join('\n\n')}

The commands open the database of DATABASE_URL, or the embedded one in DATA_DIR (./data). An embedded database is
used by one process at a time: stop the server first, or use the admin API (POST /api/admin/tokens, …).
`;

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  const asked = name === '--help' || name === '-h' || args.includes('--help') || args.includes('-h');
  if (!command || asked) {
    process[asked ? 'stdout' : 'stderr'].write(command && name ? `usage: ${USAGE[name]}\n` : HELP);
    process.exit(asked ? 0 : 2);
  }
  // An invalid environment, or an embedded database another process holds, is one clear message before Nest starts.
  const env = loadEnv();
  if (!env.DATABASE_URL && !env.DATA_DIR.startsWith('memory://')) assertEmbeddedDatabaseFree(env.DATA_DIR);
  cacheZoneOffsets();
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    process.stdout.write(`${await command(app, args)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: Error & { errors?: readonly string[] }) => {
  const details = error.errors;
  process.stderr.write(`${error.message}${Array.isArray(details) ? `\n  - ${details.join('\n  - ')}` : ''}\n`);
  process.exit(1);
});
