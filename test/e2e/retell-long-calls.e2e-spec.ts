import request from 'supertest';
import { Call } from '../../src/modules/calls/call.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { retellEnv, tenantDocument } from '../support/retell';
import { longCall, sdkSignedPost } from '../support/retell-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('Retell: long calls', () => {
  let t: TestApp;
  const stored = (callId: string) =>
    t.dataSource.getRepository(Call).findOne({
      where: { retellCallId: callId },
      select: { id: true, transcript: true, transcriptObject: true, status: true },
    });

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('a', '+493012345678')] });
  });
  afterAll(() => t.close());

  it('stores a two-hour call_ended with every transcript form (over 2 MB), the words once', async () => {
    const call = longCall('call_two_hours', 120);
    const body = JSON.stringify({ event: 'call_ended', call });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 ** 2);
    expect((await sdkSignedPost(t, '/api/webhooks/retell', body)).status).toBe(204);
    const row = await stored('call_two_hours');
    expect(row).toMatchObject({ status: 'ended', transcript: call.transcript });
    expect(row?.transcriptObject).toEqual(call.transcript_object);
    const detail = await request(t.server)
      .get(`/api/admin/calls/${row!.id}`)
      .set('authorization', `Bearer ${t.adminToken}`)
      .expect(200);
    expect(detail.body.transcriptObject).toHaveLength(720);
    expect(detail.body.transcriptObject[0].words[0]).toEqual({ word: 'ja', start: 0, end: 0.3517 });
  });

  it('answers a function call late in a two-hour call, whose call object carries the live transcript', async () => {
    const call = longCall('call_live', 119, { call_status: 'ongoing' });
    const res = await sdkSignedPost(t, '/api/retell/list-services', { name: 'list_services', call, args: {} });
    expect(res.status).toBe(200);
    expect(res.body.message).toContain('Haarschnitt');
  });

  it('answers 413 to a body over RETELL_BODY_LIMIT and keeps serving', async () => {
    const body = JSON.stringify({
      event: 'call_ended',
      call: { call_id: 'call_huge', transcript: 'x'.repeat(26 * 1024 ** 2) },
    });
    const res = await sdkSignedPost(t, '/api/webhooks/retell', body);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await stored('call_huge')).toBeNull();
    expect(
      (await sdkSignedPost(t, '/api/webhooks/retell', { event: 'call_started', call: longCall('call_after', 1) }))
        .status,
    ).toBe(204);
  });

  it('keeps memory bounded: ten two-hour call_ended at once', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) =>
      JSON.stringify({ event: 'call_ended', call: longCall(`call_parallel_${i}`, 120) }),
    );
    global.gc?.();
    const before = process.memoryUsage().rss;
    const answers = await Promise.all(bodies.map((body) => sdkSignedPost(t, '/api/webhooks/retell', body)));
    const grown = (process.memoryUsage().rss - before) / 1024 ** 2;
    expect(answers.map((res) => res.status)).toEqual(Array(10).fill(204));
    expect(await t.dataSource.getRepository(Call).countBy({ status: 'ended' })).toBeGreaterThanOrEqual(10);
    process.stdout.write(`long calls: RSS grew ${grown.toFixed(0)} MB for ten parallel 2-hour call_ended\n`);
    expect(grown).toBeLessThan(250);
  });
});
