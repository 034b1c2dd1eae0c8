import { EnvValidationError } from './env.parser';
import { parseEnv } from './env.schema';

const KEY_BASE64 = Buffer.alloc(32, 7).toString('base64');

describe(parseEnv.name, () => {
  it('runs on the embedded defaults with no environment at all', () => {
    const sut = parseEnv({});
    expect(sut).toMatchObject({
      PORT: 3000,
      DATABASE_URL: undefined,
      DATA_DIR: './data',
      REDIS_URL: undefined,
      RETELL_API_KEYS: [],
      CALCOM_BASE_URL: 'https://api.cal.com',
      LOG_LEVEL: 'info',
      MIGRATIONS_RUN: true,
    });
  });

  it('leaves a shared Postgres to be migrated on purpose, or with --migrate', () => {
    const shared = { DATABASE_URL: 'postgres://db/app', ENCRYPTION_KEY: KEY_BASE64 };
    expect(parseEnv(shared).MIGRATIONS_RUN).toBe(false);
    expect(parseEnv(shared, ['node', 'main.js', '--migrate']).MIGRATIONS_RUN).toBe(true);
    expect(parseEnv({ ...shared, MIGRATIONS_RUN: 'yes' }).MIGRATIONS_RUN).toBe(true);
  });

  it('refuses a shared Postgres without ENCRYPTION_KEY, in one line that says how to make one', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgres://db/app' })).toThrow(
      'Invalid environment: ENCRYPTION_KEY is required with DATABASE_URL: make one with `openssl rand -base64 32`',
    );
  });

  it('reads encryption keys in base64 or hex, several for a rotation, and names a bad one without echoing it', () => {
    const hex = 'ab'.repeat(32);
    const keys = parseEnv({ ENCRYPTION_KEY: `${KEY_BASE64}, ${hex}` }).ENCRYPTION_KEY;
    expect(keys.map((key) => key.toString('base64'))).toEqual([KEY_BASE64, Buffer.from(hex, 'hex').toString('base64')]);
    const attempt = () => parseEnv({ ENCRYPTION_KEY: 'too-short-secret' });
    expect(attempt).toThrow(/ENCRYPTION_KEY expects 32-byte keys in base64 or hex/);
    expect(attempt).not.toThrow(/too-short-secret/);
  });

  it('splits and trims comma-separated Retell keys', () => {
    expect(parseEnv({ RETELL_API_KEYS: ' key_a, key_b ,,' }).RETELL_API_KEYS).toEqual(['key_a', 'key_b']);
  });

  it('names every invalid variable and what it expects, without echoing values', () => {
    const attempt = () =>
      parseEnv({ PORT: 'eighty', REDIS_URL: 'http://secret-host:6379', LOG_LEVEL: 'loud', CALCOM_TIMEOUT_MS: '5' });
    expect(attempt).toThrow(EnvValidationError);
    try {
      attempt();
    } catch (error) {
      const { problems, message } = error as EnvValidationError;
      expect(problems).toEqual([
        'PORT expects an integer from 1 to 65535',
        'LOG_LEVEL expects one of fatal, error, warn, info, debug, trace, silent',
        'REDIS_URL expects a URL starting with redis:// or rediss://',
        'CALCOM_TIMEOUT_MS expects an integer from 100 to 60000',
      ]);
      expect(message).not.toContain('secret-host');
    }
  });

  it('rejects a database URL of another kind', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://db/app' })).toThrow(
      /DATABASE_URL expects a URL starting with postgres:\/\//,
    );
  });
});
