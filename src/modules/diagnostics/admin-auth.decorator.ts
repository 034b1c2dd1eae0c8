import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { AdminAuthGuard } from './admin-auth.guard';

/** Admin token required (`Authorization: Bearer vbg_adm_…`), then counted against the admin rate limit. */
export const AdminAuth = () =>
  applyDecorators(
    UseGuards(AdminAuthGuard, GatewayThrottlerGuard),
    ApiTooManyRequestsResponse({ description: '`{ error, retry_after }` with a Retry-After header' }),
    ApiBearerAuth('admin'),
    ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked admin token' }),
  );
