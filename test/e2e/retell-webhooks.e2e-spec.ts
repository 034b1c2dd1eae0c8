import { Like } from 'typeorm';
import { CallEvent } from '../../src/modules/calls/call-event.entity';
import { CallEventStore } from '../../src/modules/calls/call-event-store';
import { MetricsService } from '../../src/metrics/metrics.service';
import { RetellWebhookDto } from '../../src/modules/retell/retell-webhook.dto';
import { RetellWebhooksService } from '../../src/modules/retell/retell-webhooks.service';
import { Call } from '../../src/modules/calls/call.entity';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { callObject, retellEnv, signedPost, tenantDocument } from '../support/retell';
import { createTestApp, TestApp, usesRealServices } from '../support/test-app';

const ended = (overrides: Record<string, unknown> = {}) =>
  callObject({
    call_status: 'ended',
    start_timestamp: 1_796_000_000_000,
    end_timestamp: 1_796_000_093_000,
    duration_ms: 93_000,
    transcript: 'Agent: Hallo! User: Ich möchte einen Termin.',
    disconnection_reason: 'user_hangup',
    call_cost: {
      combined_cost: 42.5,
      total_duration_seconds: 93,
      product_costs: [
        { product: 'gpt_4o', cost: 12.5, unitPrice: 0.1 },
        { product: 'tts', cost: 30, unit_price: 0.3 },
      ],
    },
    ...overrides,
  });
const analysis = {
  call_summary: 'Booked a haircut',
  user_sentiment: 'Positive',
  call_successful: true,
  in_voicemail: false,
};

describe('Retell event webhook', () => {
  let t: TestApp;
  let companyId: string;
  const calls = () => t.dataSource.getRepository(Call);
  const events = () => t.dataSource.getRepository(CallEvent);
  const record = (body: object) => t.app.get(RetellWebhooksService).record(body as RetellWebhookDto);

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
  });
  beforeEach(async () => {
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('a', '+493012345678')] });
    companyId = (await t.dataSource.query(`SELECT id FROM companies WHERE slug = 'a'`))[0].id;
  });
  afterEach(() => t.reset());
  afterAll(() => t.close());

  it('stores a call through its lifecycle with tenant, transcript, analysis and cost', async () => {
    await signedPost(t, '/api/webhooks/retell', {
      event: 'call_started',
      call: callObject({ start_timestamp: 1_796_000_000_000 }),
    }).expect(204);
    await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended() }).expect(204);
    await signedPost(t, '/api/webhooks/retell', {
      event: 'call_analyzed',
      call: ended({ call_analysis: analysis }),
    }).expect(204);
    const call = await calls().findOneByOrFail({ retellCallId: 'call_1' });
    expect(call).toMatchObject({
      companyId,
      direction: 'inbound',
      fromNumber: '+4915112345678',
      status: 'ended',
      durationMs: 93_000,
      transcript: 'Agent: Hallo! User: Ich möchte einen Termin.',
      disconnectionReason: 'user_hangup',
      analysis,
      costCents: 42.5,
      costBreakdown: {
        totalCents: 42.5,
        totalDurationSeconds: 93,
        items: [
          { product: 'gpt_4o', costCents: 12.5, unitPrice: 0.1 },
          { product: 'tts', costCents: 30, unitPrice: 0.3 },
        ],
      },
    });
    expect(call.startedAt?.toISOString()).toBe(new Date(1_796_000_000_000).toISOString());
    expect(call.branchId).not.toBeNull();
    expect((await events().find()).map((e) => e.event).sort()).toEqual(['call_analyzed', 'call_ended', 'call_started']);
  });

  it('turns four deliveries of each event into one call row and one event row per event', async () => {
    const deliveries = ['call_started', 'call_ended', 'call_analyzed'].flatMap((event) =>
      Array.from({ length: 4 }, () => ({
        event,
        call:
          event === 'call_started'
            ? callObject()
            : ended({ call_analysis: event === 'call_analyzed' ? analysis : undefined }),
      })),
    );
    await Promise.all(deliveries.map((body) => signedPost(t, '/api/webhooks/retell', body).expect(204)));
    expect(await calls().count()).toBe(1);
    expect(await events().count()).toBe(3);
  });

  it('converges to the same row whatever order the events arrive in', async () => {
    const bodies = [
      { event: 'call_started', call: callObject({ call_id: 'x', call_status: 'ongoing', start_timestamp: 1 }) },
      { event: 'call_ended', call: ended({ call_id: 'x', call_analysis: undefined }) },
      {
        event: 'call_analyzed',
        call: ended({ call_id: 'x', call_analysis: analysis, transcript: 'final transcript' }),
      },
    ];
    const snapshot = async () => {
      const { id, createdAt, updatedAt, ...rest } = await calls().findOneByOrFail({ retellCallId: 'x' });
      return rest;
    };
    for (const body of bodies) await signedPost(t, '/api/webhooks/retell', body).expect(204);
    const inOrder = await snapshot();
    await t.reset();
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('a', '+493012345678')] });
    const newCompany = (await t.dataSource.query(`SELECT id FROM companies WHERE slug = 'a'`))[0].id;
    for (const body of [bodies[2], bodies[0], bodies[1], bodies[0]])
      await signedPost(t, '/api/webhooks/retell', body).expect(204);
    const reversed = await snapshot();
    expect({ ...reversed, companyId: 'c', branchId: 'b' }).toEqual({ ...inOrder, companyId: 'c', branchId: 'b' });
    expect(reversed.companyId).toBe(newCompany);
    expect(reversed).toMatchObject({ status: 'ended', transcript: 'final transcript', analysis });
  });

  it('merges the events of one call that arrive together (one batch) as if they came in order', async () => {
    const bodies = (callId: string) => [
      { event: 'call_started', call: callObject({ call_id: callId, call_status: 'ongoing', start_timestamp: 1 }) },
      { event: 'call_ended', call: ended({ call_id: callId, transcript: 'partial' }) },
      { event: 'call_analyzed', call: ended({ call_id: callId, call_analysis: analysis, transcript: 'final' }) },
    ];
    const snapshot = async (retellCallId: string) => {
      const { id, createdAt, updatedAt, retellCallId: _, ...rest } = await calls().findOneByOrFail({ retellCallId });
      return rest;
    };
    for (const body of bodies('in-order')) await signedPost(t, '/api/webhooks/retell', body).expect(204);
    const batches = jest.spyOn(t.app.get(CallEventStore), 'store');
    const together = bodies('together').reverse();
    // Recorded in one turn of the event loop, as a burst of requests reaches the service: one batch.
    const outcomes = await Promise.all([...together, ...together].map((body) => record(body)));
    expect(outcomes).toEqual(['stored', 'stored', 'stored', 'duplicate', 'duplicate', 'duplicate']);
    expect(batches).toHaveBeenCalledTimes(1);
    batches.mockRestore();
    expect(await snapshot('together')).toEqual(await snapshot('in-order'));
    expect(await snapshot('together')).toMatchObject({ status: 'ended', transcript: 'final', analysis, companyId });
    expect(await events().countBy({ dedupeKey: Like('%:together') })).toBe(3);
  });

  it('stores a burst of events of many calls in one transaction, each event once', async () => {
    const batches = jest.spyOn(t.app.get(CallEventStore), 'store');
    const bodies = Array.from({ length: 40 }, (_, i) => ({
      event: 'call_ended',
      call: ended({ call_id: `burst_${i}` }),
    }));
    const batchSizes = async () =>
      (await t.app.get(MetricsService).callEventBatch.get()).values.find((v) => v.metricName?.endsWith('_sum'))!.value;
    const sizesBefore = await batchSizes();
    const outcomes = await Promise.all([...bodies, ...bodies.slice(0, 10)].map((body) => record(body)));
    expect(outcomes).toEqual([...Array(40).fill('stored'), ...Array(10).fill('duplicate')]);
    expect(batches).toHaveBeenCalledTimes(1);
    expect((await batchSizes()) - sizesBefore).toBe(50);
    batches.mockRestore();
    // Over HTTP, retries of the burst are acknowledged and change nothing.
    for (const body of bodies.slice(30)) await signedPost(t, '/api/webhooks/retell', body).expect(204);
    expect(await calls().countBy({ retellCallId: Like('burst_%'), companyId })).toBe(40);
    expect(await events().countBy({ dedupeKey: Like('call_ended:burst_%') })).toBe(40);
    const stored = await calls().findOneByOrFail({ retellCallId: 'burst_7' });
    expect(stored).toMatchObject({ status: 'ended', durationMs: 93_000, costCents: 42.5 });
  });

  it('stores the rest of a batch when one event cannot be stored, and fails that one alone', async () => {
    // Past the DTO (which would refuse it): an agent id longer than its column makes Postgres refuse the whole batch.
    const bodies = Array.from({ length: 5 }, (_, i) => ({
      event: 'call_ended',
      call: ended({ call_id: `mixed_${i}`, agent_id: i === 2 ? 'x'.repeat(300) : 'agent_1' }),
    }));
    const outcomes = await Promise.allSettled(bodies.map((body) => record(body)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await calls().countBy({ retellCallId: Like('mixed_%'), status: 'ended' })).toBe(4);
    expect(await events().countBy({ dedupeKey: Like('call_ended:mixed_%') })).toBe(4);
  });

  it('accepts call_ended as the first event of a call that never started', async () => {
    await signedPost(t, '/api/webhooks/retell', {
      event: 'call_ended',
      call: ended({ call_id: 'never', call_status: 'not_connected', disconnection_reason: 'dial_failed' }),
    }).expect(204);
    expect(await calls().findOneByOrFail({ retellCallId: 'never' })).toMatchObject({
      status: 'not_connected',
      disconnectionReason: 'dial_failed',
      companyId,
    });
  });

  it('answers 204 to unknown events and stores nothing', async () => {
    await signedPost(t, '/api/webhooks/retell', {
      event: 'transcript_updated',
      call: callObject({ call_id: 'u' }),
    }).expect(204);
    await signedPost(t, '/api/webhooks/retell', { event: 'something_new', call: callObject({ call_id: 'u' }) }).expect(
      204,
    );
    expect(await calls().count()).toBe(0);
  });

  it('answers 400 naming the problem for a body without a call id', async () => {
    const res = await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: { transcript: 'x' } }).expect(
      400,
    );
    expect(res.body.message).toContain('call_id');
  });

  it.each([
    ['duration_ms', 3e9],
    ['duration_ms', -1],
    ['start_timestamp', 9e15],
    ['end_timestamp', -9e15],
  ])('answers 400 naming %s for %p and keeps what is stored', async (field, value) => {
    await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended({ call_id: 'call_range' }) }).expect(
      204,
    );
    const res = await signedPost(t, '/api/webhooks/retell', {
      event: 'call_analyzed',
      call: ended({ call_id: 'call_range', [field]: value }),
    }).expect(400);
    expect(res.body.message).toContain(field);
    expect(await calls().findOneByOrFail({ retellCallId: 'call_range' })).toMatchObject({ durationMs: 93_000 });
  });

  it('never lets a payload set the company, ids or unexpected columns', async () => {
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('b', '+493099999999')] });
    const body = {
      event: 'call_ended',
      company_id: 'x',
      call: ended({
        company_id: (await t.dataSource.query(`SELECT id FROM companies WHERE slug = 'b'`))[0].id,
        id: '00000000-0000-4000-8000-000000000000',
        last_event_rank: 99,
        cost_cents: 1,
      }),
    };
    await signedPost(t, '/api/webhooks/retell', body).expect(204);
    const call = await calls().findOneByOrFail({ retellCallId: 'call_1' });
    expect(call).toMatchObject({ companyId, lastEventRank: 2, costCents: 42.5 });
    expect(call.id).not.toBe('00000000-0000-4000-8000-000000000000');
  });

  it('answers 503 when the database is down so Retell retries, and stores the retry', async () => {
    const transaction = jest
      .spyOn(t.dataSource, 'transaction')
      .mockRejectedValueOnce(new Error('connection terminated'));
    const res = await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended() }).expect(503);
    expect(res.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(JSON.stringify(res.body)).not.toContain('Hallo');
    transaction.mockRestore();
    await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended() }).expect(204);
    expect(await events().count()).toBe(1);
  });

  it('links a caller who became a customer during the call when the call ends, in the same transaction', async () => {
    await signedPost(t, '/api/webhooks/retell', { event: 'call_started', call: callObject() }).expect(204);
    await t.dataSource.getRepository(Customer).save({ companyId, name: 'Anna', phoneE164: '+4915112345678' });
    expect((await calls().findOneByOrFail({ retellCallId: 'call_1' })).customerId).toBeNull();
    await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended() }).expect(204);
    const call = await calls().findOneByOrFail({ retellCallId: 'call_1' });
    expect(call.customerId).not.toBeNull();
  });

  it('compresses a long transcript with lz4 on Postgres, with pglz on the embedded database (no lz4 there)', async () => {
    const transcript = Array.from({ length: 800 }, (_, i) => `User: Termin ${i}?`).join('\n');
    await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended({ transcript }) }).expect(204);
    const [row] = await t.dataSource.query(`SELECT pg_column_compression(transcript) AS method FROM calls`);
    // The project's Postgres (Debian's build) has lz4; PGlite is built without it.
    expect(row.method).toBe(usesRealServices ? 'lz4' : 'pglz');
    expect((await calls().findOneByOrFail({ retellCallId: 'call_1' })).transcript).toBe(transcript);
  });

  it('counts ended calls by reason and duration once stored, not again for a retry', async () => {
    const metrics = t.app.get(MetricsService);
    const ends = async () => (await metrics.callsEnded.get()).values.find((v) => v.labels.reason === 'user_hangup');
    const before = (await ends())?.value ?? 0;
    await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended() }).expect(204);
    await signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended() }).expect(204);
    expect((await ends())?.value).toBe(before + 1);
  });

  it('settles, when upgrading, the follow-ups an earlier build left due: the caller is linked', async () => {
    await signedPost(t, '/api/webhooks/retell', { event: 'call_started', call: callObject() }).expect(204);
    const call = await calls().findOneByOrFail({ retellCallId: 'call_1' });
    await t.dataSource.getRepository(Customer).save({ companyId, name: 'Anna', phoneE164: '+4915112345678' });
    const undone: string[] = [];
    while (!undone.includes('CallEventsStoredDone1764961200000')) {
      const [last] = await t.dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1');
      await t.dataSource.undoLastMigration({ transaction: 'each' });
      undone.push(last.name);
    }
    await t.dataSource.query(
      `INSERT INTO call_events (call_id, event, dedupe_key, processed_at) VALUES ($1, 'call_ended', 'call_ended:call_1', NULL)`,
      [call.id],
    );
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect((await calls().findOneByOrFail({ id: call.id })).customerId).not.toBeNull();
    expect(await events().countBy({ dedupeKey: 'call_ended:call_1' })).toBe(1);
  });
});
