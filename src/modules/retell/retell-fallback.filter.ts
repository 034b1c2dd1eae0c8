import { Catch } from '@nestjs/common';
import type { Request } from 'express';
import { AllExceptionsFilter } from '../../common/all-exceptions.filter';
import { fail } from '../agent-tools/speech/speech';

/**
 * When something below a Retell function fails (the database, a guard's lookup, anything unexpected): Retell retries
 * errors and reads answers to the caller, so the agent gets a sentence it can say instead, as a 200.
 */
@Catch()
export class RetellFunctionFallbackFilter extends AllExceptionsFilter {
  protected override fallback(): object {
    return fail('de', 'INTERNAL');
  }
}

/** The inbound webhook fails open: the call goes on without variables rather than ringing into an error. */
@Catch()
export class RetellInboundFallbackFilter extends AllExceptionsFilter {
  protected override fallback(request: Request): object {
    const chat = typeof request.body === 'object' && request.body !== null && 'chat_inbound' in request.body;
    return chat ? { chat_inbound: {} } : { call_inbound: {} };
  }
}
