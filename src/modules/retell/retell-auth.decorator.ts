import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { RetellAuthGuard } from './retell-auth.guard';

/** A valid `x-retell-signature` or `Authorization: Bearer <function token>` (anything else is a 401), then rate limits. */
export const RetellAuth = () =>
  applyDecorators(UseGuards(RetellAuthGuard, GatewayThrottlerGuard), ApiExcludeController());
