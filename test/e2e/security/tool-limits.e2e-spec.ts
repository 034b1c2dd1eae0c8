import request from 'supertest';
import type { CalcomFake } from '../../../src/calcom-fake/calcom-fake';
import { ToolKey, toolName, toolRoute, TOOLS } from '../../../src/modules/agent-tools/agent-tools.catalog';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import { bookingTenant, calcomEnv, dayFromNow, startCalcomFake } from '../../support/calcom';
import { callObject, retellEnv, signedPost } from '../../support/retell';
import { createTestApp, functionTokenFor, TestApp } from '../../support/test-app';

const BOOKING_LIMIT = 3;
const WRITE_LIMIT = 5;
const KEYS = Object.keys(TOOLS) as ToolKey[];
const byAccess = (access: string) => KEYS.filter((key) => TOOLS[key].access === access);
const numberOf = (slug: string) =>
  `+4930777${String([...slug].reduce((sum, c, i) => sum + c.charCodeAt(0) * (i + 1), 0)).padStart(5, '0')}`;

/**
 * Which limits a tool counts against comes from the catalog, for both faces: every tool that can book counts against
 * the booking limit (and the write limit), every tool that writes against the write limit, reads against neither.
 */
describe('Security: every tool counts against the limits the catalog names, on both faces', () => {
  let fake: CalcomFake;
  let t: TestApp;
  let id = 0;
  const args = (key: ToolKey, i: number): object => {
    const date = dayFromNow(2 + (i % 5));
    const time = `${String(9 + Math.floor(i / 5)).padStart(2, '0')}:00`;
    return (
      (
        {
          'collect-appointment-data': { service: 'Haarschnitt', date, time, name: 'Anna', confirm: true },
          'book-appointment': { service: 'Haarschnitt', date, time, name: 'Anna' },
          'reschedule-appointment': { new_date: date, new_time: time },
          'collect-customer-info': { name: 'Anna' },
          'cancel-appointment': { date },
          'check-availability': { service: 'Haarschnitt', date, time },
        } as Partial<Record<ToolKey, object>>
      )[key] ?? {}
    );
  };
  const retell = (slug: string, key: ToolKey, i: number) =>
    signedPost(t, `/api/retell/${key}`, {
      name: toolName(key),
      call: callObject({ call_id: `limits_${slug}_${i}`, to_number: numberOf(slug) }),
      args: args(key, i),
    });
  const mcp = async (slug: string, key: ToolKey, i: number) =>
    request(t.server)
      .post(`/mcp?call_id=limits_${slug}_${i}`)
      .set('authorization', `Bearer ${await functionTokenFor(t, slug, `mcp ${i}`)}`)
      .set('accept', 'application/json, text/event-stream')
      .send({
        jsonrpc: '2.0',
        id: ++id,
        method: 'tools/call',
        params: { name: toolName(key), arguments: args(key, i) },
      });
  const faces = { retell, mcp } as const;
  const statuses = async (count: number, send: (i: number) => Promise<request.Response>) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) seen.push((await send(i)).status);
    return seen;
  };
  const slugs = (['retell', 'mcp'] as const).flatMap((face) => KEYS.map((key) => `${face}-${key}`));

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({
      env: {
        ...retellEnv,
        ...calcomEnv(fake),
        RATE_LIMIT_BOOKING: String(BOOKING_LIMIT),
        RATE_LIMIT_WRITE: String(WRITE_LIMIT),
      },
    });
    const companies = [...slugs, 'mixed'].map((slug) => bookingTenant(slug, numberOf(slug)));
    await t.app.get(TenantsImportService).importDocument({ companies });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('names the limits of every tool route in the catalog', () => {
    expect(toolRoute('book-appointment', 'retell')).toEqual({
      path: '/api/retell/book-appointment',
      name: 'book_appointment',
      auth: 'retell-signature-or-function-token',
      rateScopes: ['retell', 'write', 'booking'],
    });
    expect(toolRoute('collect-appointment-data', 'mcp').rateScopes).toEqual(['mcp', 'write', 'booking']);
    expect(toolRoute('cancel-appointment', 'retell').rateScopes).toEqual(['retell', 'write']);
    expect(toolRoute('check-availability', 'mcp').rateScopes).toEqual(['mcp']);
  });

  describe.each(['retell', 'mcp'] as const)('on %s', (face) => {
    it.each(byAccess('booking'))('answers the booking limit + 1st %s with 429', async (key) => {
      const seen = await statuses(BOOKING_LIMIT + 1, (i) => faces[face](`${face}-${key}`, key, i));
      expect(seen).toEqual([...Array(BOOKING_LIMIT).fill(200), 429]);
    });

    it.each(byAccess('write'))('answers the write limit + 1st %s with 429', async (key) => {
      const seen = await statuses(WRITE_LIMIT + 1, (i) => faces[face](`${face}-${key}`, key, i));
      expect(seen).toEqual([...Array(WRITE_LIMIT).fill(200), 429]);
    });

    it.each(byAccess('read'))('never limits %s by the write or booking limit', async (key) => {
      const seen = await statuses(WRITE_LIMIT + 2, (i) => faces[face](`${face}-${key}`, key, i));
      expect(seen).toEqual(Array(WRITE_LIMIT + 2).fill(200));
    });
  });

  it('counts every booking path of one company against one booking limit', async () => {
    const paths: ToolKey[] = ['collect-appointment-data', 'book-appointment', 'reschedule-appointment'];
    const seen = await statuses(BOOKING_LIMIT + 1, (i) => retell('mixed', paths[i % paths.length], i));
    expect(seen).toEqual([...Array(BOOKING_LIMIT).fill(200), 429]);
    expect((await mcp('mixed', 'book-appointment', 9)).status).toBe(429);
    expect((await retell('mixed', 'list-services', 10)).status).toBe(200);
  });
});
