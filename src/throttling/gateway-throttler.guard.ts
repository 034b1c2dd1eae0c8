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
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';
import { createHash } from 'node:crypto';
import { Memo } from '../common/remember';
import { AuthenticatedRequest, rateTracker } from '../modules/access/principal';
import { TooManyRequestsException } from '../common/too-many-requests.exception';

/** The library's metadata keys for per-route overrides (`@Throttle`, `@SkipThrottle` and the like). */
const OVERRIDES = [
  THROTTLER_SKIP,
  THROTTLER_LIMIT,
  THROTTLER_TTL,
  THROTTLER_BLOCK_DURATION,
  THROTTLER_TRACKER,
  THROTTLER_KEY_GENERATOR,
];

/** A counter's key: a hash, so no tracker (an address, a token id) appears in Redis as it is; remembered. */
const counterKeys = new Memo<string, string>(10_000);
const counterKey = (name: string) => counterKeys.get(name, () => createHash('sha256').update(name).digest('hex'));

/**
 * Rate limits, applied after authentication (it is part of `@RetellAuth()`, `@McpAuth()` and `@AdminAuth()`), so the
 * counter belongs to the principal the guards resolved: its company, else its token, else the client address as
 * Express sees it with `trust proxy` (never a raw X-Forwarded-For). Which limits apply is the route's `@RateScopes()`.
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  /** Per handler: whether it carries one of the library's overrides. */
  private readonly overridden = new WeakMap<object, boolean>();

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

  /**
   * The library's guard, without what the gateway does not use on its hot path: it looks up six decorator overrides
   * for each of the six limits on every request (36 metadata reads and as many awaits), while a route here only sets
   * `@RateScopes()`. A route that does carry the library's own decorators (`@Throttle`, `@SkipThrottle`) still goes
   * the library's way.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.hasOverrides(context.getHandler(), context.getClass())) return super.canActivate(context);
    for (const throttler of this.throttlers) {
      if (throttler.skipIf?.(context)) continue;
      const ttl = throttler.ttl as number;
      await this.handleRequest({
        context,
        limit: throttler.limit as number,
        ttl,
        throttler,
        blockDuration: (throttler.blockDuration as number | undefined) ?? ttl,
        getTracker: this.commonOptions.getTracker!,
        generateKey: this.commonOptions.generateKey!,
      });
    }
    return true;
  }

  /** One counter per limit and tracker, shared by every route the limit covers (the default is one per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return counterKey(`${throttlerName}:${tracker}`);
  }

  /** Whether the route or its controller carries one of the library's per-throttler decorators (read once). */
  private hasOverrides(handler: object, controller: object): boolean {
    let found = this.overridden.get(handler);
    if (found === undefined) {
      found = this.throttlers.some(
        (throttler) =>
          typeof throttler.limit !== 'number' ||
          typeof throttler.ttl !== 'number' ||
          OVERRIDES.some(
            (key) =>
              this.reflector.getAllAndOverride(key + throttler.name, [handler, controller] as never) !== undefined,
          ),
      );
      this.overridden.set(handler, found);
    }
    return found;
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
