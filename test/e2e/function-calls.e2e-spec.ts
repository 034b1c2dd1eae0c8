import request from 'supertest';
import { CallRetentionService } from '../../src/modules/calls/call-retention.service';
import { FunctionCallLog } from '../../src/modules/calls/function-call-log.service';
import { FunctionCall } from '../../src/modules/calls/function-call.entity';
import { useBookingSuite } from '../support/booking-suite.testing';
import { callFunction, dayFromNow } from '../support/calcom';

/** Every function call answered is kept with its call, under the same privacy rules as the call's transcript. */
describe('Function calls: the record the console shows', () => {
  const suite = useBookingSuite();
  const rows = async () => {
    await suite.t.app.get(FunctionCallLog).flush();
    return suite.t.dataSource.getRepository(FunctionCall).find({ order: { createdAt: 'ASC', tool: 'ASC' } });
  };

  it('keeps tool, face, validated arguments, outcome, the sentence answered and the time it took, with the call', async () => {
    const day = dayFromNow(3);
    await callFunction(suite.t, 'check-availability', { service: 'Haarschnitt', date: day, time: '10:00', extra: 'x' });
    await callFunction(suite.t, 'book-appointment', { service: 'Zauberei', date: day, time: '10:00', name: 'Mia' });
    await callFunction(suite.t, 'book-appointment', { date: day });
    const [check, unknown, missing] = await rows();
    expect(check).toMatchObject({
      tool: 'check-availability',
      face: 'retell',
      args: { service: 'Haarschnitt', date: day, time: '10:00' },
      outcome: 'free',
      success: true,
      answer: expect.stringMatching(/um 10 Uhr ist frei\./),
      callId: expect.any(String),
    });
    expect(check.durationMs).toBeGreaterThanOrEqual(0);
    expect(unknown).toMatchObject({ outcome: 'unknownService', success: false });
    expect(missing).toMatchObject({
      outcome: 'missingArguments',
      args: null,
      answer: expect.stringMatching(/^Mir fehlt/),
    });
  });

  it('forgets what was said with the transcript: by retention and by a caller’s erasure', async () => {
    await callFunction(suite.t, 'collect-customer-info', { name: 'Mia Muster', email: 'mia@example.org' });
    expect((await rows())[0].args).toEqual({ name: 'Mia Muster', email: 'mia@example.org' });
    const admin = { authorization: `Bearer ${suite.t.adminToken}` };
    await request(suite.t.server).delete('/api/admin/customers/by-phone/%2B4915112345678').set(admin).expect(200);
    expect(await rows()).toMatchObject([{ args: null, answer: null, outcome: 'customerSaved' }]);
    await callFunction(suite.t, 'list-services', {});
    const retention = suite.t.app.get(CallRetentionService);
    await retention.purgeTranscripts(new Date(Date.now() - 86_400_000));
    expect((await rows()).at(-1)!.answer).toMatch(/^Wir bieten an/);
    await retention.purgeTranscripts(new Date(Date.now() + 400 * 86_400_000));
    expect((await rows()).map((row) => row.answer)).toEqual([null, null]);
  });
});
