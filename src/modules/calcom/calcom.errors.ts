import { DomainError, DomainErrorCode } from '../../common/domain-error';

/**
 * A failed Cal.com request, already mapped to our codes. `uncertain` means the request may have reached Cal.com
 * and done its work (a timeout or a reset after sending): a booking must then be looked up, never blindly retried.
 */
export class CalcomError extends DomainError {
  constructor(
    code: DomainErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly uncertain = false,
  ) {
    super(code, message);
    this.name = 'CalcomError';
  }

  /** Only an unreachable or overloaded Cal.com counts towards opening the breaker; a taken slot is an answer. */
  get isOutage(): boolean {
    return this.code === 'CALCOM_UNAVAILABLE' || this.code === 'CALCOM_BUSY';
  }

  /** Worth a second try for an idempotent read: refused connections and gateway errors, not timeouts. */
  get isRetryable(): boolean {
    return this.code === 'CALCOM_UNAVAILABLE' && !this.uncertain;
  }
}

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown };
  message?: unknown;
}

/** Cal.com's messages, from its API source and the contract; matched loosely because wording drifts between releases. */
const MESSAGE_CODES: Array<[RegExp, DomainErrorCode]> = [
  [/already has booking|not available|hosts either/i, 'SLOT_TAKEN'],
  [/in the past/i, 'IN_THE_PAST'],
  [/can't be booked at the "?start"? time|cannot be booked|minimum booking notice|booking window|too far in the future/i, 'OUT_OF_WINDOW'],
  [/contact method/i, 'CONTACT_REQUIRED'],
];

function upstreamMessage(body: unknown): string {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
  const message = envelope.error?.message ?? envelope.message;
  return typeof message === 'string' ? message : '';
}

/** Maps an HTTP answer of Cal.com to our code. The upstream message is matched, never passed on to a caller. */
export function errorFromResponse(status: number, body: unknown, operation: string): CalcomError {
  const message = upstreamMessage(body);
  if (status === 429) return new CalcomError('CALCOM_BUSY', `Cal.com rate limit on ${operation}`, status);
  if (status >= 500) return new CalcomError('CALCOM_UNAVAILABLE', `Cal.com answered ${status} on ${operation}`, status);
  if (status === 401 || status === 403) return new CalcomError('CALCOM_MISCONFIGURED', `Cal.com refused the API key on ${operation}`, status);
  if (status === 404) {
    return /event ?type/i.test(message)
      ? new CalcomError('CALCOM_MISCONFIGURED', `Unknown Cal.com event type on ${operation}`, status)
      : new CalcomError('NOT_FOUND', `Cal.com booking not found on ${operation}`, status);
  }
  const matched = MESSAGE_CODES.find(([pattern]) => pattern.test(message));
  if (matched) return new CalcomError(matched[1], `Cal.com refused ${operation}: ${matched[1]}`, status);
  if (/already (been )?cancel/i.test(message)) return new CalcomError('CONFLICT', `Cal.com booking already cancelled`, status);
  return new CalcomError('CALCOM_MISCONFIGURED', `Cal.com answered ${status} on ${operation}`, status);
}

/** No HTTP answer at all. A refused connection never reached Cal.com; anything after sending might have. */
export function errorFromTransport(code: string | undefined, operation: string): CalcomError {
  const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  return new CalcomError('CALCOM_UNAVAILABLE', `Cal.com unreachable on ${operation} (${code ?? 'unknown'})`, null, !neverSent);
}
