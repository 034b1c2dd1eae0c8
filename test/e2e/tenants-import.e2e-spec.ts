import request from 'supertest';
import { Company } from '../../src/modules/tenants/company.entity';
import { PhoneNumber } from '../../src/modules/tenants/phone-number.entity';
import { Service } from '../../src/modules/tenants/service.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { createTestApp, TestApp } from '../support/test-app';

const tenant = (
  slug: string,
  phone: string,
  services = [{ name: 'Cut', calcomEventTypeId: 11, durationMinutes: 30, branch: 'Main' }],
) => ({
  slug,
  name: `Company ${slug}`,
  timezone: 'Europe/Vienna',
  locale: 'en',
  calcomApiKey: 'cal_fixture_import',
  branches: [{ name: 'Main', address: 'Ring 1', openingHours: { mon: [['08:00', '12:00']] } }],
  phoneNumbers: [{ e164: phone, branch: 'Main' }],
  services,
});

describe('Tenant import', () => {
  let t: TestApp;
  let sut: TenantsImportService;

  beforeAll(async () => {
    t = await createTestApp();
    sut = t.app.get(TenantsImportService);
  });
  afterAll(() => t.close());
  afterEach(() => t.reset());

  it('imports a whole tenant and is idempotent', async () => {
    const document = { companies: [tenant('acme', '+43 1 234 5678')] };
    expect(await sut.importDocument(document)).toEqual({ companies: 1, branches: 1, phoneNumbers: 1, services: 1 });
    await sut.importDocument(document);
    expect(await t.dataSource.getRepository(Company).count()).toBe(1);
    expect(await t.dataSource.getRepository(Service).count()).toBe(1);
    const phone = await t.dataSource.getRepository(PhoneNumber).findOneByOrFail({});
    expect(phone.e164).toBe('+4312345678');
    expect(phone.branchId).not.toBeNull();
  });

  it('updates matched rows in place on a second import', async () => {
    await sut.importDocument({ companies: [tenant('acme', '+4312345678')] });
    const [before] = await t.dataSource.getRepository(Service).find();
    await sut.importDocument({
      companies: [
        tenant('acme', '+4312345678', [{ name: 'cut', calcomEventTypeId: 12, durationMinutes: 45, branch: 'Main' }]),
      ],
    });
    const after = await t.dataSource.getRepository(Service).find();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, calcomEventTypeId: 12, durationMinutes: 45 });
  });

  it('changes nothing when any part of the document fails', async () => {
    await sut.importDocument({ companies: [tenant('first', '+4312345678')] });
    const document = { companies: [tenant('second', '+4319999999'), tenant('third', '+4312345678')] };
    await expect(sut.importDocument(document)).rejects.toThrow(/already belongs to another company/);
    expect((await t.dataSource.getRepository(Company).find()).map((c) => c.slug)).toEqual(['first']);
  });

  it('rejects an invalid document naming the paths, before writing anything', async () => {
    const bad = {
      companies: [
        { ...tenant('x', 'not a phone'), services: [{ name: 'Cut', durationMinutes: 'long', branch: 'Main' }] },
      ],
    };
    await expect(sut.importDocument(bad)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      errors: expect.arrayContaining([
        expect.stringContaining('companies.0.phoneNumbers.0.e164'),
        expect.stringContaining('companies.0.services.0.durationMinutes'),
      ]),
    });
    await expect(
      sut.importDocument({
        companies: [
          tenant('y', '+4312345678', [{ name: 'Cut', calcomEventTypeId: 1, durationMinutes: 30, branch: 'Nowhere' }]),
        ],
      }),
    ).rejects.toThrow(/unknown branch/);
    expect(await t.dataSource.getRepository(Company).count()).toBe(0);
  });

  it('is reachable through the admin API after import', async () => {
    await sut.importDocument({ companies: [tenant('acme', '+4312345678')] });
    const companies = (
      await request(t.server).get('/api/admin/companies').set('authorization', `Bearer ${t.adminToken}`).expect(200)
    ).body;
    expect(companies).toEqual([
      expect.objectContaining({ slug: 'acme', timezone: 'Europe/Vienna', hasCalcomApiKey: true }),
    ]);
  });
});
