import { applyDecorators, UseGuards } from '@nestjs/common';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { RateScope, RateScopes } from '../../throttling/rate-scopes';
import { RetellAuthGuard } from '../access/retell-auth.guard';
import { RetellTenantGuard } from './retell-tenant.guard';

/**
 * A valid `x-retell-signature` or `Authorization: Bearer <function token>` (anything else is a 401), the company a
 * signed request belongs to, then the rate limits of `scope`.
 */
export const RetellAuth = (scope: RateScope) =>
  applyDecorators(UseGuards(RetellAuthGuard, RetellTenantGuard, GatewayThrottlerGuard), RateScopes(scope));
