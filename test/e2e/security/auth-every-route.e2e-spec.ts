import request from 'supertest';
import { ApiTokensService } from '../../../src/modules/access/api-tokens.service';
import { Company } from '../../../src/modules/tenants/company.entity';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import { retellEnv, tenantDocument } from '../../support/retell';
import { concretePath, listRoutes, Route } from '../../support/routes';
import { createTestApp, TestApp } from '../../support/test-app';

/** The only routes that may answer without credentials: the index, health, metrics and the API docs. Anything new needs a guard. */
const PUBLIC = ['GET /', 'GET /health/live', 'GET /health/ready', 'GET /metrics'];
const isPublic = (route: Route) =>
  PUBLIC.includes(`${route.method} ${route.path}`) ||
  (route.method === 'GET' && /^\/docs(\/|-yaml$|$)/.test(route.path));

/** The agent-facing routes (Retell's and MCP's): they take function tokens, never admin tokens. */
const isRetell = (route: Route) => /^\/(api\/(retell\/|webhooks\/retell($|\/inbound$))|mcp$)/.test(route.path);

describe('Security: authentication on every route', () => {
  let t: TestApp;
  let functionToken: string;
  let routes: Route[];
  let cases = 0;
  const send = (route: Route) =>
    request(t.server)
      [route.method.toLowerCase() as 'get'](concretePath(route.path))
      .set('content-type', 'application/json');

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('a', '+493012345678')] });
    const company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'a' });
    functionToken = (
      await t.app.get(ApiTokensService).create({ kind: 'function', name: 'agent', companyId: company.id })
    ).token;
    routes = listRoutes(t);
  });
  afterAll(async () => {
    await t.close();
    process.stdout.write(`auth-every-route: ${routes.length} routes, ${cases} requests\n`);
  });

  it('finds the whole application in the router', () => {
    expect(routes.filter((r) => !isPublic(r)).length).toBeGreaterThanOrEqual(40);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        ...PUBLIC,
        'POST /api/retell/book-appointment',
        'GET /api/webhooks/retell/diagnostic',
        'DELETE /api/admin/customers/by-phone/:e164',
        'POST /mcp',
        'GET /mcp',
      ]),
    );
  });

  it('lets only health, metrics and docs answer without credentials', async () => {
    const open: string[] = [];
    for (const route of routes) {
      cases += 1;
      const res = await send(route).send('{}');
      if (res.status !== 401) open.push(`${route.method} ${route.path}`);
      else expect(res.body).toMatchObject({ statusCode: 401, message: 'Invalid or missing credentials' });
    }
    expect(open.sort()).toEqual(
      routes
        .filter(isPublic)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
    expect(open).toEqual(expect.arrayContaining(PUBLIC));
  });

  it('refuses wrong credentials everywhere: a forged signature, unknown tokens, and the other kind of token', async () => {
    for (const route of routes.filter((r) => !isPublic(r))) {
      const wrong = [
        (r: request.Test) => r.set('x-retell-signature', `v=${Date.now()},d=${'a'.repeat(64)}`),
        (r: request.Test) => r.set('authorization', 'Bearer vbg_adm_0000000000000000000000000000000000000000000'),
        (r: request.Test) => r.set('authorization', 'Bearer vbg_fn_0000000000000000000000000000000000000000000'),
        (r: request.Test) => r.set('authorization', 'Basic YWRtaW46YWRtaW4='),
        // Retell routes take function tokens, never admin tokens; everything with personal data takes admin tokens only.
        (r: request.Test) => r.set('authorization', `Bearer ${isRetell(route) ? t.adminToken : functionToken}`),
      ];
      for (const credential of wrong) {
        cases += 1;
        const res = await credential(send(route)).send('{}');
        expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 401,
        });
      }
    }
  });

  it('reads tokens from the Authorization header only: a valid token in the query or the body is a 401', async () => {
    for (const route of routes.filter((r) => !isPublic(r))) {
      const token = isRetell(route) ? functionToken : t.adminToken;
      const path = concretePath(route.path);
      for (const name of ['access_token', 'token']) {
        cases += 2;
        const inQuery = await request(t.server)[route.method.toLowerCase() as 'get'](`${path}?${name}=${token}`).send();
        const inBody = await send(route).send(JSON.stringify({ [name]: token }));
        expect([`${route.method} ${route.path}`, inQuery.status, inBody.status]).toEqual([
          `${route.method} ${route.path}`,
          401,
          401,
        ]);
      }
    }
  });
});
