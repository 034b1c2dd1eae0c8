import request from 'supertest';
import { SecretBox } from '../../src/secrets/secret-box';
import { Company } from '../../src/modules/tenants/company.entity';
import { openApiDoc, responseSchema, schemaMismatches } from '../support/openapi';
import { createTestApp, TestApp } from '../support/test-app';

describe('Admin tenants API', () => {
  let t: TestApp;
  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });
  const post = (path: string, body: object) => request(t.server).post(path).set(auth()).send(body);
  const createCompany = async (overrides: object = {}) =>
    (
      await post('/api/admin/companies', {
        slug: 'salon-a',
        name: 'Salon A',
        calcomApiKey: 'cal_fixture_not_a_real_key',
        ...overrides,
      }).expect(201)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.reset());

  describe('authentication', () => {
    it('answers 401 without a token, with an unknown one and with a function token', async () => {
      await request(t.server).get('/api/admin/companies').expect(401);
      await request(t.server).get('/api/admin/companies').set('authorization', 'Bearer vbg_adm_nope').expect(401);
      await request(t.server).get('/api/admin/companies').set('authorization', 'Basic abc').expect(401);
      const company = await createCompany();
      const fn = (
        await post('/api/admin/tokens', { kind: 'function', name: 'agent', companyId: company.id }).expect(201)
      ).body;
      const res = await request(t.server)
        .get('/api/admin/companies')
        .set('authorization', `Bearer ${fn.token}`)
        .expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
      expect(res.body.requestId).toEqual(expect.any(String));
    });

    it('stops accepting a token once it is revoked', async () => {
      const created = (await post('/api/admin/tokens', { kind: 'admin', name: 'temp' }).expect(201)).body;
      expect(created.token).toMatch(/^vbg_adm_/);
      await request(t.server).get('/api/admin/companies').set('authorization', `Bearer ${created.token}`).expect(200);
      await request(t.server).delete(`/api/admin/tokens/${created.id}`).set(auth()).expect(204);
      await request(t.server).get('/api/admin/companies').set('authorization', `Bearer ${created.token}`).expect(401);
      const listed = (await request(t.server).get('/api/admin/tokens').set(auth()).expect(200)).body;
      expect(JSON.stringify(listed)).not.toContain('tokenHash');
      expect(JSON.stringify(listed)).not.toContain(created.token);
    });

    it('refuses a function token without a company', async () => {
      const res = await post('/api/admin/tokens', { kind: 'function', name: 'agent' }).expect(400);
      expect(res.body.message).toContain('companyId');
    });
  });

  describe('companies', () => {
    it('creates a company and never returns its Cal.com key', async () => {
      const body = await createCompany();
      expect(body).toMatchObject({
        slug: 'salon-a',
        name: 'Salon A',
        timezone: 'Europe/Berlin',
        locale: 'de',
        hasCalcomApiKey: true,
      });
      expect(JSON.stringify(body)).not.toContain('cal_fixture_not_a_real_key');
      const listed = (await request(t.server).get('/api/admin/companies').set(auth()).expect(200)).body;
      expect(JSON.stringify(listed)).not.toContain('cal_fixture_not_a_real_key');
      const stored = await t.dataSource
        .getRepository(Company)
        .findOne({ where: { id: body.id }, select: { id: true, calcomApiKey: true } });
      // Stored sealed: not the key, but what the deployment's key ring opens to the key.
      expect(stored?.calcomApiKey).toMatch(/^enc:v1:[0-9a-f]{8}:/);
      expect(t.app.get(SecretBox).open(stored!.calcomApiKey!, 'calcomApiKey')).toBe('cal_fixture_not_a_real_key');
    });

    it('updates only the fields sent and deletes', async () => {
      const { id } = await createCompany();
      const updated = (
        await request(t.server)
          .patch(`/api/admin/companies/${id}`)
          .set(auth())
          .send({ name: 'Salon B', locale: 'en' })
          .expect(200)
      ).body;
      expect(updated).toMatchObject({ name: 'Salon B', locale: 'en', slug: 'salon-a', hasCalcomApiKey: true });
      await request(t.server).delete(`/api/admin/companies/${id}`).set(auth()).expect(204);
      await request(t.server).get(`/api/admin/companies/${id}`).set(auth()).expect(404);
    });

    it('refuses null for a required field on update (400), keeps the row, and clears an optional one', async () => {
      const { id } = await createCompany();
      const res = await request(t.server)
        .patch(`/api/admin/companies/${id}`)
        .set(auth())
        .send({ name: null })
        .expect(400);
      expect(res.body.message).toContain('name');
      const cleared = await request(t.server)
        .patch(`/api/admin/companies/${id}`)
        .set(auth())
        .send({ dateOrder: 'mdy' })
        .expect(200);
      expect(cleared.body).toMatchObject({ name: 'Salon A', dateOrder: 'mdy' });
      const reset = await request(t.server)
        .patch(`/api/admin/companies/${id}`)
        .set(auth())
        .send({ dateOrder: null })
        .expect(200);
      expect(reset.body.dateOrder).toBeNull();
    });

    it('names every invalid, missing and unknown field in one 400', async () => {
      const res = await post('/api/admin/companies', {
        slug: 'Bad Slug',
        name: 42,
        timezone: 'Mars/Base',
        locale: 'fr',
        isAdmin: true,
      }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      for (const field of ['slug', 'name', 'timezone', 'locale', 'isAdmin']) expect(res.body.message).toContain(field);
      expect(await t.dataSource.getRepository(Company).count()).toBe(0);
    });

    it('answers 400, not a server error, for numbers past what a column holds', async () => {
      const { id } = await createCompany();
      const service = { name: 'Cut', calcomEventTypeId: 3_000_000_000, durationMinutes: 30 };
      const res = await post(`/api/admin/companies/${id}/services`, service).expect(400);
      expect(res.body.message).toContain('calcomEventTypeId');
      const list = await request(t.server).get('/api/admin/companies?offset=1e20').set(auth()).expect(400);
      expect(list.body.message).toContain('offset');
    });

    it('answers 404 for unknown ids, 400 for malformed ids and 409 for a duplicate slug', async () => {
      await request(t.server).get('/api/admin/companies/00000000-0000-4000-8000-000000000000').set(auth()).expect(404);
      await request(t.server).get('/api/admin/companies/not-a-uuid').set(auth()).expect(400);
      await createCompany();
      const res = await post('/api/admin/companies', { slug: 'salon-a', name: 'Again' }).expect(409);
      expect(res.body.code).toBe('CONFLICT');
    });

    it('answers 400 for malformed JSON and 413 for a body over 1 MB', async () => {
      const malformed = await request(t.server)
        .post('/api/admin/companies')
        .set(auth())
        .set('content-type', 'application/json')
        .send('{"slug": ')
        .expect(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
      const huge = await post('/api/admin/companies', { slug: 'big', name: 'x'.repeat(1_100_000) }).expect(413);
      expect(huge.body).toMatchObject({ statusCode: 413 });
      expect(await t.dataSource.getRepository(Company).count()).toBe(0);
    });
  });

  describe('branches, phone numbers and services', () => {
    it('manages a branch with opening hours and rejects malformed hours', async () => {
      const { id } = await createCompany();
      const branch = (
        await post(`/api/admin/companies/${id}/branches`, {
          name: 'Mitte',
          openingHours: { mon: [['09:00', '18:00']] },
        }).expect(201)
      ).body;
      expect(branch).toMatchObject({ name: 'Mitte', companyId: id, openingHours: { mon: [['09:00', '18:00']] } });
      const bad = await post(`/api/admin/companies/${id}/branches`, {
        name: 'Ost',
        openingHours: { monday: [['18:00', '09:00']] },
      }).expect(400);
      expect(bad.body.message).toContain('openingHours');
      const list = (await request(t.server).get(`/api/admin/companies/${id}/branches`).set(auth()).expect(200)).body;
      expect(list.map((b: { name: string }) => b.name)).toEqual(['Mitte']);
    });

    it('normalises phone numbers to E.164 and refuses a number twice', async () => {
      const { id } = await createCompany();
      const phone = (await post(`/api/admin/companies/${id}/phone-numbers`, { e164: '+49 30 1234-5678' }).expect(201))
        .body;
      expect(phone.e164).toBe('+493012345678');
      const other = await createCompany({ slug: 'salon-b' });
      const res = await post(`/api/admin/companies/${other.id}/phone-numbers`, { e164: '+493012345678' }).expect(409);
      expect(res.body.code).toBe('CONFLICT');
      const invalid = await post(`/api/admin/companies/${id}/phone-numbers`, { e164: '12' }).expect(400);
      expect(invalid.body.message).toContain('e164');
    });

    it('keeps every resource inside its company', async () => {
      const a = await createCompany();
      const b = await createCompany({ slug: 'salon-b' });
      const branchOfB = (await post(`/api/admin/companies/${b.id}/branches`, { name: 'B1' }).expect(201)).body;
      const res = await post(`/api/admin/companies/${a.id}/services`, {
        name: 'Cut',
        calcomEventTypeId: 7,
        durationMinutes: 30,
        branchId: branchOfB.id,
      }).expect(400);
      expect(res.body.message).toContain('not a branch of this company');
      await request(t.server).get(`/api/admin/companies/${a.id}/branches/${branchOfB.id}`).set(auth()).expect(404);
      await request(t.server).delete(`/api/admin/companies/${a.id}/branches/${branchOfB.id}`).set(auth()).expect(404);
      const stillThere = (await request(t.server).get(`/api/admin/companies/${b.id}/branches`).set(auth()).expect(200))
        .body;
      expect(stillThere).toHaveLength(1);
    });

    it('creates, updates and deletes a service', async () => {
      const { id } = await createCompany();
      const service = (
        await post(`/api/admin/companies/${id}/services`, {
          name: 'Cut',
          synonyms: ['Haircut'],
          calcomEventTypeId: 7,
          durationMinutes: 30,
        }).expect(201)
      ).body;
      expect(service).toMatchObject({
        name: 'Cut',
        synonyms: ['Haircut'],
        calcomEventTypeId: 7,
        multiHost: false,
        active: true,
      });
      const updated = (
        await request(t.server)
          .patch(`/api/admin/companies/${id}/services/${service.id}`)
          .set(auth())
          .send({ active: false })
          .expect(200)
      ).body;
      expect(updated).toMatchObject({ name: 'Cut', active: false });
      const wrong = await request(t.server)
        .patch(`/api/admin/companies/${id}/services/${service.id}`)
        .set(auth())
        .send({ durationMinutes: 'long', companyId: 'x' })
        .expect(400);
      expect(wrong.body.message).toContain('durationMinutes');
      expect(wrong.body.message).toContain('companyId');
      await request(t.server).delete(`/api/admin/companies/${id}/services/${service.id}`).set(auth()).expect(204);
      await request(t.server).get(`/api/admin/companies/${id}/services/${service.id}`).set(auth()).expect(404);
    });
  });

  it('answers exactly the documented response DTOs: every field declared, nothing stored leaks', async () => {
    const doc = await openApiDoc(t);
    const company = await createCompany();
    const base = `/api/admin/companies/${company.id}`;
    const branch = (await post(`${base}/branches`, { name: 'Mitte', openingHours: { mon: [['09:00', '18:00']] } }))
      .body;
    const service = { name: 'Cut', calcomEventTypeId: 7, durationMinutes: 30, branchId: branch.id };
    await post(`${base}/services`, service).expect(201);
    await post(`${base}/phone-numbers`, { e164: '+493012345678', label: 'Front desk' }).expect(201);
    const created = (await post('/api/admin/tokens', { kind: 'function', name: 'agent', companyId: company.id })).body;
    const answers: Array<[string, string, unknown]> = [
      ['post', '/api/admin/companies', company],
      ['post', '/api/admin/tokens', created],
      ['post', '/api/admin/companies/{companyId}/branches', branch],
    ];
    for (const path of ['/api/admin/companies', '/api/admin/tokens', `${base}/branches`, `${base}/services`]) {
      answers.push([
        'get',
        path.replace(company.id, '{companyId}'),
        (await request(t.server).get(path).set(auth())).body,
      ]);
    }
    const numbers = (await request(t.server).get(`${base}/phone-numbers`).set(auth()).expect(200)).body;
    answers.push(['get', '/api/admin/companies/{companyId}/phone-numbers', numbers]);
    for (const [method, path, body] of answers) {
      const schema = responseSchema(doc, method, path, method === 'post' ? 201 : 200);
      expect({ route: `${method} ${path}`, mismatches: schemaMismatches(doc, schema, body) }).toEqual({
        route: `${method} ${path}`,
        mismatches: [],
      });
    }
    expect(numbers).toHaveLength(1);
    const leaked = { ...company, calcomApiKey: 'cal_x' };
    expect(schemaMismatches(doc, responseSchema(doc, 'post', '/api/admin/companies', 201), leaked)).toEqual([
      '$.calcomApiKey: not in the schema',
    ]);
    expect(JSON.stringify(answers)).not.toMatch(/calcomApiKey|tokenHash|cal_fixture/);
  });
});
