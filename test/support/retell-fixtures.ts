import { sign } from 'retell-sdk/lib/webhook_auth';
import request from 'supertest';
import type { TestApp } from './test-app';
import { RETELL_KEY } from './retell';

/**
 * Retell payloads shaped like the examples in Retell's documentation (docs.retellai.com, "Webhook", "Inbound call
 * webhook", "Custom function") and the SDK's types (retell-sdk 5.66 `CallResponse`), signed with the SDK's own `sign`.
 */
export async function sdkSignedPost(t: TestApp, path: string, body: unknown, query = ''): Promise<request.Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = await sign(raw, RETELL_KEY);
  return request(t.server)
    .post(`${path}${query}`)
    .set('content-type', 'application/json')
    .set('x-retell-signature', signature)
    .send(raw);
}

const round = (seconds: number) => Math.round(seconds * 1e6) / 1e6;
const WORDS = 'ja genau ich hätte gern einen termin am dienstag um halb vier für einen haarschnitt bitte'.split(' ');

/** A call of `minutes` at 150 words a minute, with every transcript form Retell sends and per-word timings. */
export function longCall(callId: string, minutes: number, overrides: Record<string, unknown> = {}) {
  const turns = [];
  let at = 0;
  for (let turn = 0; turn < minutes * 6; turn += 1) {
    const words = Array.from({ length: 25 }, (_, i) => {
      // Retell's timings are seconds with sub-millisecond digits.
      const word = { word: WORDS[(turn + i) % WORDS.length], start: round(at), end: round(at + 0.3517) };
      at += 0.4021;
      return word;
    });
    turns.push({ role: turn % 2 ? 'user' : 'agent', content: words.map((w) => w.word).join(' '), words });
  }
  const transcript = turns.map((t) => `${t.role === 'agent' ? 'Agent' : 'User'}: ${t.content}`).join('\n');
  const withTools = turns.map(({ role, content }) => ({ role, content }));
  return {
    call_id: callId,
    agent_id: 'agent_a',
    agent_version: 3,
    call_type: 'phone_call',
    call_status: 'ended',
    direction: 'inbound',
    from_number: '+4915112345678',
    to_number: '+493012345678',
    start_timestamp: Date.now() - minutes * 60_000,
    end_timestamp: Date.now(),
    duration_ms: minutes * 60_000,
    transcript,
    transcript_object: turns,
    transcript_with_tool_calls: withTools,
    // With PII scrubbing on, Retell adds scrubbed copies of the transcript forms.
    scrubbed_transcript_object: turns,
    scrubbed_transcript_with_tool_calls: withTools,
    disconnection_reason: 'user_hangup',
    recording_url: 'https://retell.example/recording.wav',
    call_cost: {
      combined_cost: 840,
      product_costs: [{ product: 'elevenlabs_tts', cost: 840, unit_price: 0.07 }],
      total_duration_seconds: minutes * 60,
      total_duration_unit_price: 0.07,
    },
    metadata: {},
    retell_llm_dynamic_variables: { customer_name: 'Anna' },
    data_storage_setting: 'everything',
    ...overrides,
  };
}
