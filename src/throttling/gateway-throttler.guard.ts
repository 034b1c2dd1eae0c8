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
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import type { ApiToken } from '../modules/diagnostics/api-token.entity';
import type { RetellRequest } from '../modules/retell/retell-auth.guard';
import { ThrottleTrackerService } from './throttle-tracker.service';
import { TooManyRequestsException } from './too-many-requests.exception';

/**
 * Rate limits, applied after authentication (it is part of `@RetellAuth()` and `@AdminAuth()`), so the counter
 * belongs to whoever is known by then: the company of a Retell call, the function or admin token, else the client
 * address as Express sees it with `trust proxy` (never a raw X-Forwarded-For).
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly trackers: ThrottleTrackerService,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as RetellRequest & { user?: ApiToken };
    if (request.user?.id) return `token:${request.user.id}`;
    const principal = request.retellPrincipal;
    if (principal?.kind === 'token') return `company:${principal.companyId}`;
    if (principal?.kind === 'signature') {
      const company = await this.trackers.companyOfCall(request.body);
      if (company) return company;
    }
    return `ip:${request.ip ?? 'unknown'}`;
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

const LIFECYCLE = new Set(['call_started', 'call_ended', 'call_analyzed']);

/**
 * A signed lifecycle event or inbound webhook: never rate limited. Refusing one loses a call record or leaves a
 * caller unrecognised once Retell's few quick retries are spent, and the signature already proves it is Retell's.
 * Busy streams (`transcript_updated` on every turn, transfer events) count against the webhook limit instead.
 */
function isVital(req: Request): boolean {
  if ((req as RetellRequest).retellPrincipal?.kind !== 'signature') return false;
  if (req.path === '/api/webhooks/retell/inbound') return true;
  const event = (req.body as { event?: unknown } | undefined)?.event;
  return req.path === '/api/webhooks/retell' && typeof event === 'string' && LIFECYCLE.has(event);
}

/** Which limits a request counts against, by path (and, for webhooks, by kind of event). */
export const throttleScopes = {
  retell: (req: Request) => req.path.startsWith('/api/retell/'),
  booking: (req: Request) => req.path === '/api/retell/book-appointment',
  webhooks: (req: Request) => req.path.startsWith('/api/webhooks/') && !isVital(req),
  diagnostic: (req: Request) => req.path === '/api/webhooks/retell/diagnostic',
  admin: (req: Request) => req.path.startsWith('/api/admin/'),
};
