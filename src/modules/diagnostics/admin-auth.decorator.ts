import { applyDecorators, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { ADMIN_STRATEGY } from './admin-bearer.strategy';

/** Admin token required (`Authorization: Bearer vbg_adm_…`), then counted against the admin rate limit. */
export const AdminAuth = () =>
  applyDecorators(
    UseGuards(AuthGuard(ADMIN_STRATEGY), GatewayThrottlerGuard),
    ApiTooManyRequestsResponse({ description: '`{ error, retry_after }` with a Retry-After header' }),
    ApiBearerAuth('admin'),
    ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked admin token' }),
  );
