import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { DEMO_EVENT_TYPES } from '../../src/calcom-fake/demo-event-types';
import { playDemoCall } from '../../src/demo/demo-conversation';
import { CONSOLE_CSP } from '../../src/console-assets';
import { DEMO_TENANT } from '../../src/modules/tenants/demo-tenant';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { axeViolations, hasChromium, launchChromium, CHROMIUM } from '../support/browser';
import { baseUrl } from '../support/mcp';
import { RETELL_KEY, retellEnv } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

/** Screenshots of this spec, kept by CI as artefacts (README: "The operator console"). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'console');
const describeWithChromium = hasChromium ? describe : describe.skip;
if (!hasChromium)
  console.warn(`skipped the console in a real browser: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

/** The console in Debian's headless Chromium, on a gateway that has just played the demo conversation. */
describeWithChromium('Operator console in a real browser', () => {
  let t: TestApp;
  let calcom: CalcomFake;
  let browser: Browser;
  let page: Page;
  const urls: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    calcom = new CalcomFake({ eventTypes: DEMO_EVENT_TYPES });
    await calcom.start();
    t = await createTestApp({ env: { ...retellEnv, CALCOM_BASE_URL: calcom.url } });
    await t.app.get(TenantsImportService).importDocument(DEMO_TENANT);
    await playDemoCall(
      { url: baseUrl(t), retellKey: RETELL_KEY, adminToken: t.adminToken },
      () => undefined,
      'call_console_demo',
    );
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } })).newPage();
    page.on('request', (request) => urls.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await calcom?.stop();
  });

  it('serves the page with a strict Content-Security-Policy and nothing from elsewhere', async () => {
    const res = await page.goto(`${baseUrl(t)}/console/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toBe(CONSOLE_CSP);
    await page.getByLabel('Admin- oder Lese-Token').waitFor();
    expect(urls.every((url) => url.startsWith(baseUrl(t)))).toBe(true);
  });

  it('signs in, draws the overview, lists the demo call and shows each turn and function call', async () => {
    await page.getByLabel('Admin- oder Lese-Token').fill(t.adminToken);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Überblick' }).waitFor();
    await page.locator('figure.chart canvas').nth(2).waitFor();
    expect(await page.locator('figure.chart').count()).toBe(3);
    expect(await page.locator('.table-wrap table tbody tr').count()).toBe(14);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
    await page.getByRole('link', { name: 'Anrufe' }).click();
    // The demo caller's call (the demo's other callers made calls of their own meanwhile).
    await page.locator('tbody tr', { hasText: '+4915112345678' }).locator('a').first().click();
    await page.getByRole('heading', { name: 'Gespräch' }).waitFor();
    const turns = page.locator('ol.turns > li');
    expect(await turns.filter({ hasText: 'Welche Leistungen bieten Sie an?' }).count()).toBe(1);
    for (const tool of ['list-services', 'check-availability', 'collect-appointment-data', 'reschedule-appointment'])
      expect(await page.locator('li.fn', { hasText: `Funktion: ${tool}` }).count()).toBeGreaterThan(0);
    expect(await page.locator('li.fn', { hasText: 'Ihr Termin ist gebucht' }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'call.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fits a phone’s width: no sideways scrolling of the page, nothing serious for axe-core', async () => {
    const phone = await (
      await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } })
    ).newPage();
    await phone.goto(`${baseUrl(t)}/console/`);
    await phone.getByLabel('Admin or viewer token').fill(t.adminToken);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.locator('figure.chart canvas').nth(2).waitFor();
    const overflow = await phone.evaluate(() => {
      const root = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
      ).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(SCREENSHOTS, 'phone.png'), fullPage: true });
    expect(await axeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('keeps the token out of every URL and out of the page’s storage, and forgets it on sign-out', async () => {
    expect(urls.filter((url) => url.includes(t.adminToken))).toEqual([]);
    const stored = await page.evaluate(() => {
      const scope = globalThis as unknown as {
        localStorage: object;
        sessionStorage: object;
        document: { cookie: string };
      };
      return JSON.stringify([{ ...scope.localStorage }, { ...scope.sessionStorage }, scope.document.cookie]);
    });
    expect(stored).not.toContain(t.adminToken);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByLabel('Admin- oder Lese-Token').waitFor();
    await page.goto(`${baseUrl(t)}/console/#/calls`);
    await page.getByLabel('Admin- oder Lese-Token').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
