import { HttpException, HttpStatus } from '@nestjs/common';

/** The 429 the contract names: `{ "error": "Too many requests", "retry_after": <seconds> }` (plus `Retry-After`). */
export class TooManyRequestsException extends HttpException {
  constructor(readonly retryAfter: number) {
    super({ error: 'Too many requests', retry_after: retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
