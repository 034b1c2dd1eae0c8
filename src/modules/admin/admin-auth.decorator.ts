import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { RateScope, RateScopes } from '../../throttling/rate-scopes';
import { AdminAuthGuard } from '../access/bearer-auth.guard';

/** Admin token required (`Authorization: Bearer vbg_adm_…`), then counted against the `scope` rate limit. */
export const AdminAuth = (scope: RateScope = 'admin') =>
  applyDecorators(
    UseGuards(AdminAuthGuard, GatewayThrottlerGuard),
    RateScopes(scope),
    ApiTooManyRequestsResponse({ description: '`{ error, retry_after }` with a Retry-After header' }),
    ApiBearerAuth('admin'),
    ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked admin token' }),
  );
