import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { bookingTenant, calcomEnv, generousLimits, startCalcomFake } from './calcom';
import { retellEnv } from './retell';
import { createTestApp, TestApp } from './test-app';

export interface BookingSuite {
  t: TestApp;
  fake: CalcomFake;
}

/**
 * The usual life of a booking suite: one Cal.com fake and one app per file, the booking tenant imported before each
 * test, and both emptied after it. The returned object is filled in `beforeAll`.
 */
export function useBookingSuite(
  options: { env?: Record<string, string>; tenants?: () => object[] } = {},
): BookingSuite {
  const suite = {} as BookingSuite;
  beforeAll(async () => {
    suite.fake = await startCalcomFake();
    suite.t = await createTestApp({
      env: { ...retellEnv, ...calcomEnv(suite.fake), ...generousLimits, ...options.env },
    });
  });
  beforeEach(() =>
    suite.t.app.get(TenantsImportService).importDocument({ companies: options.tenants?.() ?? [bookingTenant()] }),
  );
  afterEach(async () => {
    suite.fake.reset();
    await suite.t.reset();
  });
  afterAll(async () => {
    await suite.t.close();
    await suite.fake.stop();
  });
  return suite;
}
