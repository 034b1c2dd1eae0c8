import { DomainError, DomainErrorCode } from '../../common/domain-error';
import { CALCOM_ERROR_RULES, movedTo } from './calcom-error-rules';

/**
 * A failed Cal.com request, already mapped to our codes. `uncertain` means the request may have reached Cal.com
 * and done its work (a timeout, a reset after sending, a 5xx after a POST: Cal.com can commit and then fail):
 * a booking must then be looked up, never blindly retried.
 */
export class CalcomError extends DomainError {
  constructor(
    code: DomainErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly uncertain = false,
    readonly detail: { movedTo?: string; retryAfterSeconds?: number } = {},
  ) {
    super(code, message);
    this.name = 'CalcomError';
  }

  /**
   * Only an unreachable or overloaded Cal.com counts towards opening the breaker: no answer, 429, 502–504. A plain
   * 500 is this request failing (a collective event whose fixed host is busy answers so), and a refusal is an answer.
   */
  get isOutage(): boolean {
    if (this.code === 'CALCOM_BUSY') return true;
    return this.code === 'CALCOM_UNAVAILABLE' && (this.status === null || this.status >= 502);
  }

  /** Worth a second try for an idempotent read: refused connections and gateway errors, not timeouts. */
  get isRetryable(): boolean {
    return this.code === 'CALCOM_UNAVAILABLE' && !this.uncertain;
  }

  withUncertainty(): CalcomError {
    return new CalcomError(this.code, this.message, this.status, true, this.detail);
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
  message?: unknown;
}

/** The text Cal.com gave: `error.message` in the v2 envelope, `message` in a raw core HttpError body. */
function upstreamText(body: unknown): string {
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const message = parsed.error?.message ?? parsed.message;
  return typeof message === 'string' ? message : '';
}

/** Maps an HTTP answer of Cal.com to our code. The upstream text is matched, never passed on to a caller. */
export function errorFromResponse(
  status: number,
  body: unknown,
  operation: string,
  headers: Record<string, unknown> = {},
): CalcomError {
  const text = upstreamText(body);
  if (status === 429)
    return new CalcomError('CALCOM_BUSY', `Cal.com rate limit on ${operation}`, status, false, {
      retryAfterSeconds: retryAfter(headers),
    });
  const rule = CALCOM_ERROR_RULES.find((r) => r.text.test(text) && (!r.status || r.status.includes(status)));
  if (rule)
    return new CalcomError(rule.code, `Cal.com refused ${operation}: ${rule.code}`, status, false, {
      movedTo: movedTo(text),
    });
  if (status >= 500) return new CalcomError('CALCOM_UNAVAILABLE', `Cal.com answered ${status} on ${operation}`, status);
  if (status === 404)
    return new CalcomError('CALCOM_MISCONFIGURED', `Cal.com has no route or resource for ${operation}`, status);
  if (status === 401 || status === 403)
    return new CalcomError('CALCOM_MISCONFIGURED', `Cal.com refused the API key on ${operation}`, status);
  return new CalcomError('CALCOM_MISCONFIGURED', `Cal.com answered ${status} on ${operation}`, status);
}

/** Seconds until Cal.com's window resets: `X-RateLimit-Reset-Default` (Cal.com sends no Retry-After). */
function retryAfter(headers: Record<string, unknown>): number | undefined {
  const reset = Number(headers['x-ratelimit-reset-default'] ?? headers['X-RateLimit-Reset-Default']);
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  // Cal.com's throttler sends seconds to wait; an epoch in seconds is read as such.
  return reset > 1_000_000_000 ? Math.max(1, Math.ceil(reset - Date.now() / 1000)) : Math.ceil(reset);
}

/** No HTTP answer at all. A refused connection never reached Cal.com; anything after sending might have. */
export function errorFromTransport(code: string | undefined, operation: string): CalcomError {
  const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  return new CalcomError(
    'CALCOM_UNAVAILABLE',
    `Cal.com unreachable on ${operation} (${code ?? 'unknown'})`,
    null,
    !neverSent,
  );
}
