import { useFuzzRig } from './fuzz.testing';

/** Split from the Retell half so both halves run at once on two workers; the same bodies, the same count. */
describe('Security: fuzzing every admin endpoint that takes a body', () => {
  const rig = useFuzzRig('fuzz (admin)');
  const adminRoutes: Array<[string, () => string]> = [
    ['POST', () => '/api/admin/companies'],
    ['PATCH', () => `/api/admin/companies/${rig.companyId}`],
    ['POST', () => `/api/admin/companies/${rig.companyId}/branches`],
    ['POST', () => `/api/admin/companies/${rig.companyId}/phone-numbers`],
    ['POST', () => `/api/admin/companies/${rig.companyId}/services`],
    ['POST', () => '/api/admin/tokens'],
  ];

  it.each(adminRoutes.map(([method, path]) => [method, path] as const))(
    '%s admin route: 2,000 hostile bodies, never a 5xx',
    async (method, path) => {
      await rig.check(path(), method, () => ({ authorization: `Bearer ${rig.t.adminToken}` }));
    },
    180_000,
  );

  rig.itLeavesAllIntact(adminRoutes.length);
});
