import { applyDecorators, UseGuards } from '@nestjs/common';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { RateScope, RateScopes } from '../../throttling/rate-scopes';
import { RetellAuthGuard } from './retell-auth.guard';

/**
 * A valid `x-retell-signature` or `Authorization: Bearer <function token>` of the company the request names (another
 * company's is a 403, anything else a 401), then the rate limits of `scope`.
 */
export const RetellAuth = (scope: RateScope) =>
  applyDecorators(UseGuards(RetellAuthGuard, GatewayThrottlerGuard), RateScopes(scope));
