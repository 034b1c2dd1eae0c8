import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { AuthenticatedRequest, rateTracker } from '../modules/access/principal';
import { TooManyRequestsException } from './too-many-requests.exception';

/**
 * Rate limits, applied after authentication (it is part of `@RetellAuth()`, `@McpAuth()` and `@AdminAuth()`), so the
 * counter belongs to the principal the guards resolved: its company, else its token, else the client address as
 * Express sees it with `trust proxy` (never a raw X-Forwarded-For). Which limits apply is the route's `@RateScopes()`.
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as AuthenticatedRequest;
    return rateTracker(request.principal, request.ip);
  }

  /** One counter per limit and tracker, shared by every route the limit covers (the default is one per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return createHash('sha256').update(`${throttlerName}:${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const response = context.switchToHttp().getResponse<Response>();
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    response.setHeader('Retry-After', String(retryAfter));
    throw new TooManyRequestsException(retryAfter);
  }
}
