import { MAKE_A_KEY } from './encryption-key';
import {
  boolean,
  encryptionKeys,
  EnvValidationError,
  byteSize,
  integer,
  list,
  oneOf,
  optionalBoolean,
  parseWith,
  stringWithDefault,
  url,
} from './env.parser';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const rules = {
  NODE_ENV: oneOf('development', ['development', 'production', 'test'] as const),
  HOST: stringWithDefault('0.0.0.0'),
  PORT: integer(3000, 1, 65535),
  LOG_LEVEL: oneOf('info', LOG_LEVELS),
  TRUST_PROXY: stringWithDefault('false'),
  CORS_ORIGINS: list,
  DATABASE_URL: url(['postgres', 'postgresql']),
  DATA_DIR: stringWithDefault('./data'),
  MIGRATIONS_RUN: optionalBoolean,
  DEMO_SEED: boolean(true),
  REDIS_URL: url(['redis', 'rediss']),
  REDIS_KEY_PREFIX: stringWithDefault('vbg:'),
  RETELL_API_KEYS: list,
  RETELL_API_BASE_URL: url(['http', 'https'], 'https://api.retellai.com'),
  /** How often due reminder calls are looked for; 0: never (an instance that only answers). */
  REMINDER_TICK_MS: integer(15000, 0, 600000),
  ENCRYPTION_KEY: encryptionKeys,
  // A two-hour call's call_ended with every transcript form and per-word timings is a few MB; 25 MB leaves room.
  RETELL_BODY_LIMIT: byteSize(25 * 1024 ** 2, 1024 ** 2, 200 * 1024 ** 2),
  CALCOM_BASE_URL: url(['http', 'https'], 'https://api.cal.com'),
  CALCOM_TIMEOUT_MS: integer(4000, 100, 60000),
  CALCOM_SLOTS_TTL_SECONDS: integer(300, 0, 86400),
  CALCOM_BREAKER_VOLUME: integer(5, 1, 1000),
  CALCOM_BREAKER_RESET_MS: integer(15000, 100, 600000),
  BOOKING_WINDOW_DAYS: integer(14, 1, 365),
  RATE_LIMIT_WINDOW_SECONDS: integer(60, 1, 3600),
  RATE_LIMIT_RETELL: integer(100, 1, 1_000_000),
  RATE_LIMIT_WEBHOOKS: integer(200, 1, 1_000_000),
  RATE_LIMIT_BOOKING: integer(30, 1, 1_000_000),
  RATE_LIMIT_WRITE: integer(60, 1, 1_000_000),
  RATE_LIMIT_MCP: integer(100, 1, 1_000_000),
  RATE_LIMIT_DIAGNOSTIC: integer(10, 1, 1_000_000),
  RATE_LIMIT_ADMIN: integer(60, 1, 1_000_000),
  TRANSCRIPT_RETENTION_DAYS: integer(90, 0, 36500),
};

export function parseEnv(raw: Record<string, string | undefined>, argv: readonly string[] = []) {
  const env = parseWith(rules, raw);
  // A shared database outlives any one host: its secrets' key must be the operator's, never one made on the fly.
  if (env.DATABASE_URL && env.ENCRYPTION_KEY.length === 0)
    throw new EnvValidationError([`ENCRYPTION_KEY is required with DATABASE_URL: make one with \`${MAKE_A_KEY}\``]);
  // The embedded database belongs to this process alone, so it migrates itself; a shared Postgres is migrated on purpose.
  const migrate = argv.includes('--migrate') || (env.MIGRATIONS_RUN ?? env.DATABASE_URL === undefined);
  return { ...env, MIGRATIONS_RUN: migrate };
}
