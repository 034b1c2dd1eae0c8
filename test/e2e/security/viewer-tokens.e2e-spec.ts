import request from 'supertest';
import { ApiTokensService } from '../../../src/modules/access/api-tokens.service';
import { Company } from '../../../src/modules/tenants/company.entity';
import { useBookingSuite } from '../../support/booking-suite.testing';
import { bookingTenant, callFunction, dayFromNow } from '../../support/calcom';

const NUMBER_A = '+493011111111';
const NUMBER_B = '+493022222222';

/**
 * A business owner's viewer token: every admin read for their own company alone (a 403 for another's company, call,
 * customer or appointment; lists filtered whatever they ask for), and nothing changed.
 */
describe('Security: a viewer token reads its own company and changes nothing', () => {
  const suite = useBookingSuite({ tenants: () => [bookingTenant('a', NUMBER_A), bookingTenant('b', NUMBER_B)] });
  const ids = { a: '', b: '' };
  let viewer: string;
  const get = (path: string, token = viewer) =>
    request(suite.t.server).get(path).set('authorization', `Bearer ${token}`);
  const admin = (path: string) => get(path, suite.t.adminToken);

  beforeEach(async () => {
    const companies = suite.t.dataSource.getRepository(Company);
    ids.a = (await companies.findOneByOrFail({ slug: 'a' })).id;
    ids.b = (await companies.findOneByOrFail({ slug: 'b' })).id;
    viewer = (await suite.t.app.get(ApiTokensService).create({ kind: 'viewer', name: 'owner a', companyId: ids.a }))
      .token;
    // Both companies share the fake's event type: each books its own time.
    const bookings = [
      ['a', NUMBER_A, '10:00'],
      ['b', NUMBER_B, '11:00'],
    ];
    for (const [slug, number, time] of bookings) {
      const args = { service: 'Haarschnitt', date: dayFromNow(3), time, name: `Kunde ${slug}` };
      const res = await callFunction(suite.t, 'book-appointment', args, { call_id: `call_${slug}`, to_number: number });
      expect(res.body.success).toBe(true);
    }
  });

  it('is a vbg_vw_ token bound to one company', async () => {
    expect(viewer).toMatch(/^vbg_vw_/);
    await expect(suite.t.app.get(ApiTokensService).create({ kind: 'viewer', name: 'x' })).rejects.toThrow(/companyId/);
  });

  it('lists its own company only, whatever it asks for', async () => {
    expect((await get('/api/admin/companies').expect(200)).body.map((c: { slug: string }) => c.slug)).toEqual(['a']);
    for (const path of ['calls', 'customers', 'appointments', 'reminders']) {
      const rows = (await get(`/api/admin/${path}?companyId=${ids.b}`).expect(200)).body as Array<
        Record<string, unknown>
      >;
      const companies = rows.map((row) => (row.companyId ?? (row.company as { id: string } | null)?.id) as string);
      expect({ path, companies: [...new Set(companies)] }).toEqual({
        path,
        companies: path === 'reminders' ? [] : [ids.a],
      });
    }
    expect((await admin('/api/admin/calls').expect(200)).body).toHaveLength(2);
  });

  it('is refused another company’s company, catalog, call, customer and appointment', async () => {
    await get(`/api/admin/companies/${ids.a}`).expect(200);
    await get(`/api/admin/companies/${ids.b}`).expect(403);
    for (const part of ['branches', 'services', 'phone-numbers']) {
      await get(`/api/admin/companies/${ids.a}/${part}`).expect(200);
      await get(`/api/admin/companies/${ids.b}/${part}`).expect(403);
    }
    for (const path of ['calls', 'customers', 'appointments']) {
      const all = (await admin(`/api/admin/${path}`).expect(200)).body as Array<Record<string, unknown>>;
      const owner = (row: Record<string, unknown>) => (row.companyId ?? (row.company as { id: string }).id) as string;
      const theirs = all.find((row) => owner(row) === ids.b)!;
      const mine = all.find((row) => owner(row) === ids.a)!;
      await get(`/api/admin/${path}/${String(mine.id)}`).expect(200);
      const refused = await get(`/api/admin/${path}/${String(theirs.id)}`).expect(403);
      expect(JSON.stringify(refused.body)).not.toContain('Kunde b');
    }
  });

  it('reads no tokens or diagnostics, and changes nothing', async () => {
    await get('/api/admin/tokens').expect(403);
    await get('/api/webhooks/retell/diagnostic').expect(403);
    const write = (method: 'post' | 'patch' | 'delete', path: string, body?: object) =>
      request(suite.t.server)[method](path).set('authorization', `Bearer ${viewer}`).send(body);
    await write('patch', `/api/admin/companies/${ids.a}`, { name: 'Renamed' }).expect(403);
    await write('post', '/api/admin/companies', { slug: 'c', name: 'C' }).expect(403);
    await write('post', `/api/admin/companies/${ids.a}/branches`, { name: 'Neu' }).expect(403);
    await write('delete', `/api/admin/customers/by-phone/${encodeURIComponent('+4915112345678')}`).expect(403);
    await write('post', '/api/admin/tokens', { kind: 'admin', name: 'escalate' }).expect(403);
    expect((await admin(`/api/admin/companies/${ids.a}`).expect(200)).body.name).toBe('Salon a');
    expect((await admin('/api/admin/customers').expect(200)).body).toHaveLength(2);
  });
});
