import { usesRealServices } from './test-app';

/**
 * `describe` for suites that need real Postgres and Redis (several instances sharing them). Without them the suite is
 * skipped, and says why and how to run it.
 */
export function describeWithServices(name: string, body: () => void): void {
  if (usesRealServices) return describe(name, body);
  process.stdout.write(
    `skipped "${name}": it needs real Postgres and Redis. Run it with ` +
      'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres TEST_REDIS_URL=redis://127.0.0.1:6379 npm test\n',
  );
  describe.skip(name, body);
}
