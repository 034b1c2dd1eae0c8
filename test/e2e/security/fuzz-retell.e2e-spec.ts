import { TOOLS } from '../../../src/modules/agent-tools/agent-tools.catalog';
import { signRetellBody } from '../../../src/modules/access/retell-signature';
import { RETELL_KEY } from '../../support/retell';
import { useFuzzRig } from './fuzz.testing';

/** Split from the admin half so both halves run at once on two workers; the same bodies, the same count. */
describe('Security: fuzzing every Retell endpoint that takes a body', () => {
  const rig = useFuzzRig('fuzz (Retell)');
  const signed = Object.keys(TOOLS)
    .map((fn) => `/api/retell/${fn}`)
    .concat(['/api/webhooks/retell', '/api/webhooks/retell/inbound']);

  it.each(signed)(
    '%s: 2,000 signed hostile bodies, never a 5xx',
    async (path) => {
      await rig.check(path, 'POST', (raw) => ({ 'x-retell-signature': signRetellBody(raw, RETELL_KEY, Date.now()) }));
    },
    180_000,
  );

  rig.itLeavesAllIntact(signed.length);
});
