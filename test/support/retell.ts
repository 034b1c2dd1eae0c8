import request from 'supertest';
import { signRetellBody } from '../../src/modules/access/retell-signature';
import type { TestApp } from './test-app';

export const RETELL_KEY = 'key_test_retell_webhook_0001';
export const retellEnv = { RETELL_API_KEYS: `key_old_rotated_out,${RETELL_KEY}` };

/** Posts a body the way Retell does: the exact bytes signed, `x-retell-signature: v=<ms>,d=<hex>`. */
export function signedPost(t: TestApp, path: string, body: unknown, options: { key?: string; now?: number } = {}) {
  const raw = JSON.stringify(body);
  return request(t.server)
    .post(path)
    .set('content-type', 'application/json')
    .set('x-retell-signature', signRetellBody(raw, options.key ?? RETELL_KEY, options.now ?? Date.now()))
    .send(raw);
}

export function callObject(overrides: Record<string, unknown> = {}) {
  return {
    call_id: 'call_1',
    agent_id: 'agent_a',
    call_type: 'phone_call',
    call_status: 'ongoing',
    direction: 'inbound',
    from_number: '+4915112345678',
    to_number: '+493012345678',
    ...overrides,
  };
}

/** A company with one branch, two services and one number, created through the import the operators use. */
export function tenantDocument(slug: string, number: string, locale: 'de' | 'en' = 'de') {
  return {
    slug,
    name: `Salon ${slug}`,
    timezone: 'Europe/Berlin',
    locale,
    calcomApiKey: `cal_fixture_${slug}`,
    retellAgentIds: [`agent_${slug}`],
    branches: [
      {
        name: 'Mitte',
        address: 'Torstraße 1, Berlin',
        openingHours: { mon: [['09:00', '18:00']], sat: [['10:00', '14:00']] },
      },
    ],
    phoneNumbers: [{ e164: number, branch: 'Mitte' }],
    services: [
      { name: 'Haarschnitt', synonyms: ['haircut'], calcomEventTypeId: 1001, durationMinutes: 30, branch: 'Mitte' },
      { name: 'Färben', calcomEventTypeId: 1002, durationMinutes: 90 },
    ],
  };
}
