import { Inject, Injectable } from '@nestjs/common';
import Retell from 'retell-sdk';
import { retellConfig, RetellConfig } from '../../config/configuration';

/** `POST /v2/create-phone-call` as `retell-sdk` sends it (`client.call.createPhoneCall`). */
export interface PhoneCallRequest {
  from_number: string;
  to_number: string;
  override_agent_id: string;
  /** Retell takes strings only. */
  retell_llm_dynamic_variables: Record<string, string>;
  metadata: Record<string, string>;
}

/** Retell's answer, or why not: `retry` when asking again later can help (429, 408, 409, 5xx, no connection). */
export type PlacedCall =
  { ok: true; callId: string } | { ok: false; retry: boolean; status: number | null; reason: string };

const RETRYABLE = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;

/**
 * Places outbound calls through Retell's API with the official SDK. The endpoint has no idempotency key and the SDK
 * would retry by itself: this client asks exactly once (`maxRetries: 0`); the reminder decides about retries.
 * Status codes and the `{ status: "error", message }` body: `../shared/contracts/retell.md`, retell-typescript-sdk
 * `src/core/error.ts` (APIError.status, APIConnectionError without one).
 */
@Injectable()
export class RetellCallsClient {
  constructor(@Inject(retellConfig.KEY) private readonly config: RetellConfig) {}

  async createPhoneCall(apiKey: string, request: PhoneCallRequest): Promise<PlacedCall> {
    const client = new Retell({ apiKey, baseURL: this.config.apiBaseUrl, maxRetries: 0, timeout: 10_000 });
    try {
      const call = await client.call.createPhoneCall(request);
      return { ok: true, callId: call.call_id };
    } catch (error) {
      const status =
        typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : null;
      const reason = refusal(error, status);
      return { ok: false, retry: status === null || RETRYABLE(status), status, reason };
    }
  }
}

/** "Retell 422: Item +49… not found" / "no connection to Retell: …", without the key. */
function refusal(error: unknown, status: number | null): string {
  const body = (error as { error?: { message?: unknown } }).error;
  const message = typeof body?.message === 'string' ? body.message : (error as Error).message;
  const text = (status === null ? `no answer from Retell: ${message}` : `Retell ${status}: ${message}`).slice(0, 300);
  return text.replace(/key_[A-Za-z0-9]+/g, 'key_…');
}
