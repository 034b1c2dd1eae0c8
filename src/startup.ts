import type { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import {
  appConfig,
  AppConfig,
  calcomConfig,
  CalcomConfig,
  databaseConfig,
  DatabaseConfig,
} from './config/configuration';
import { redisConfig, RedisConfig, retellConfig, RetellConfig } from './config/configuration';
import type { KeyRing } from './secrets/key-ring';
import { KEY_RING } from './secrets/secrets.module';

/** What `node dist/src/main.js --help` prints: how to run it and where the configuration is described. */
export const SERVER_HELP = `voice-booking-gateway: Retell AI functions, webhooks and MCP tools over Cal.com

usage: npm start                     build, then serve (embedded database in ./data unless DATABASE_URL is set)
       npm run start:prod            serve the built code (node dist/src/main.js)
       npm run demo                  serve with the built-in Cal.com fake (bookings are not real)
       npm run demo:call             play a whole demo phone call against it
       node dist/src/main.js --migrate   run pending migrations at boot (as MIGRATIONS_RUN=true)

Configuration comes from the environment only: PORT, HOST, DATABASE_URL, DATA_DIR, REDIS_URL, RETELL_API_KEYS,
CALCOM_BASE_URL, LOG_LEVEL and more; the README's "Configuration" table lists every variable with its default.
Operator commands: node dist/src/cli.js --help
`;

/** The one line `npm start` prints when it listens: where, and what it runs on. */
export function startupSummary(app: INestApplication, url: string): { line: string; warning?: string } {
  const config = app.get<AppConfig>(appConfig.KEY);
  const database = app.get<DatabaseConfig>(databaseConfig.KEY);
  const redis = app.get<RedisConfig>(redisConfig.KEY);
  const retell = app.get<RetellConfig>(retellConfig.KEY);
  const calcom = app.get<CalcomConfig>(calcomConfig.KEY);
  const storage = database.url ? `Postgres ${new URL(database.url).host}` : `embedded database in ${database.dataDir}`;
  const cache = redis.url ? `Redis ${new URL(redis.url).host}` : 'in-process cache';
  const keys = `${retell.apiKeys.length} deployment Retell key${retell.apiKeys.length === 1 ? '' : 's'}`;
  const line =
    `Gateway listening on ${url} (docs ${url}/docs, ready ${url}/health/ready, MCP ${url}/mcp) · ${storage} · ` +
    `${cache} · Cal.com ${calcom.baseUrl} · ${keys} · ${app.get<KeyRing>(KEY_RING).origin} · ` +
    `log level ${config.logLevel}`;
  const warning =
    retell.apiKeys.length === 0
      ? 'RETELL_API_KEYS is empty: only companies with Retell keys of their own (retellApiKeys) accept Retell ' +
        'signatures; the others get 401 (function tokens still work)'
      : undefined;
  return { line, warning };
}

/** One clear line for the errors a newcomer meets at start, instead of a stack. */
export function startupError(error: Error & { code?: string; port?: number }): string {
  if (error.code === 'EADDRINUSE')
    return `Port ${error.port ?? ''} is already in use: stop what listens there, or set PORT to a free port`;
  if (error.code === 'EACCES') return `No permission to listen on port ${error.port ?? ''}: use a port above 1024`;
  return `Startup failed: ${error.message}`;
}

/** Fails before anything starts when the port is taken, so a newcomer reads one line and nothing else. */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: Error & { port?: number }) => reject(Object.assign(error, { port })));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
