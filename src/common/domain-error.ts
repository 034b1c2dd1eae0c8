/** Outcomes the domain names; faces (admin HTTP, Retell functions) decide how to say them. */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'SLOT_TAKEN'
  | 'OUT_OF_WINDOW'
  | 'IN_THE_PAST'
  | 'CONTACT_REQUIRED'
  | 'CALCOM_BUSY'
  | 'CALCOM_UNAVAILABLE'
  | 'CALCOM_MISCONFIGURED'
  | 'DATABASE_UNAVAILABLE'
  | 'LIMIT_REACHED'
  | 'INVALID_PHONE'
  | 'EMAIL_REQUIRED'
  | 'ALREADY_CANCELLED'
  | 'BOOKING_MOVED'
  | 'BOOKING_CANCELLED'
  | 'BOOKING_ENDED'
  | 'CANCEL_NOT_ALLOWED';

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  SLOT_TAKEN: 409,
  OUT_OF_WINDOW: 422,
  IN_THE_PAST: 422,
  CONTACT_REQUIRED: 422,
  CALCOM_BUSY: 503,
  CALCOM_UNAVAILABLE: 503,
  CALCOM_MISCONFIGURED: 502,
  DATABASE_UNAVAILABLE: 503,
  LIMIT_REACHED: 409,
  INVALID_PHONE: 422,
  EMAIL_REQUIRED: 422,
  ALREADY_CANCELLED: 409,
  BOOKING_MOVED: 409,
  BOOKING_CANCELLED: 409,
  BOOKING_ENDED: 409,
  CANCEL_NOT_ALLOWED: 409,
};

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Each problem on its own, when there are several (an import that fails validation). */
    readonly errors?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}
