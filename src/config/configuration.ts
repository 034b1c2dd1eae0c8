import { ConfigType, registerAs } from '@nestjs/config';
import { parseEnv } from './env.schema';

/** The only place that reads process.env. Every namespace validates the whole environment, so a bad value stops boot. */
export const loadEnv = () => parseEnv(process.env, process.argv);

/** The environment of a child process the demo starts: this one's, with `overrides`. */
export const childEnvironment = (overrides: Record<string, string>) => ({ ...process.env, ...overrides });

/** The demo launcher's one override: Cal.com requests go to the fake it started (never used by the server itself). */
export function pointCalcomAt(baseUrl: string): void {
  process.env.CALCOM_BASE_URL = baseUrl;
}

export const appConfig = registerAs('app', () => {
  const env = loadEnv();
  return {
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: env.CORS_ORIGINS,
    bodyLimit: 1024 ** 2,
    retellBodyLimit: env.RETELL_BODY_LIMIT,
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = loadEnv();
  return {
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    migrationsRun: env.MIGRATIONS_RUN,
    demoSeed: env.DEMO_SEED,
  };
});

export const redisConfig = registerAs('redis', () => {
  const env = loadEnv();
  return { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX };
});

export const retellConfig = registerAs('retell', () => {
  const env = loadEnv();
  return {
    apiKeys: env.RETELL_API_KEYS,
    apiBaseUrl: env.RETELL_API_BASE_URL as string,
    reminderTickMs: env.REMINDER_TICK_MS,
  };
});

/** The keys that seal stored secrets (the first seals), or where the embedded database keeps its own. */
export const secretsConfig = registerAs('secrets', () => {
  const env = loadEnv();
  return { keys: env.ENCRYPTION_KEY, dataDir: env.DATA_DIR, shared: env.DATABASE_URL !== undefined };
});

export const calcomConfig = registerAs('calcom', () => {
  const env = loadEnv();
  return {
    baseUrl: env.CALCOM_BASE_URL as string,
    timeoutMs: env.CALCOM_TIMEOUT_MS,
    slotsTtlMs: env.CALCOM_SLOTS_TTL_SECONDS * 1000,
    breakerVolume: env.CALCOM_BREAKER_VOLUME,
    breakerResetMs: env.CALCOM_BREAKER_RESET_MS,
    bookingWindowDays: env.BOOKING_WINDOW_DAYS,
  };
});

/** Requests per window; keyed by company or token where known, else by client address. */
export const rateLimitConfig = registerAs('rateLimit', () => {
  const env = loadEnv();
  return {
    windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
    retell: env.RATE_LIMIT_RETELL,
    webhooks: env.RATE_LIMIT_WEBHOOKS,
    booking: env.RATE_LIMIT_BOOKING,
    write: env.RATE_LIMIT_WRITE,
    mcp: env.RATE_LIMIT_MCP,
    diagnostic: env.RATE_LIMIT_DIAGNOSTIC,
    admin: env.RATE_LIMIT_ADMIN,
  };
});

/** GDPR: transcripts older than this many days are removed (0 keeps them). */
export const privacyConfig = registerAs('privacy', () => ({
  transcriptRetentionDays: loadEnv().TRANSCRIPT_RETENTION_DAYS,
}));

export type AppConfig = ConfigType<typeof appConfig>;
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
export type RedisConfig = ConfigType<typeof redisConfig>;
export type RetellConfig = ConfigType<typeof retellConfig>;
export type SecretsConfig = ConfigType<typeof secretsConfig>;
export type CalcomConfig = ConfigType<typeof calcomConfig>;
export type RateLimitConfig = ConfigType<typeof rateLimitConfig>;
export type PrivacyConfig = ConfigType<typeof privacyConfig>;

export const configNamespaces = [
  appConfig,
  databaseConfig,
  redisConfig,
  retellConfig,
  secretsConfig,
  calcomConfig,
  rateLimitConfig,
  privacyConfig,
];

/** Express `trust proxy`: false, true, a hop count, or a comma-separated list of addresses/subnets. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
