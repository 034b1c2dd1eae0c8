import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { RateScopes } from '../../throttling/rate-scopes';
import { CalcomRequest, CalcomWebhookGuard } from './calcom-webhook.guard';
import { CalcomWebhooksService, DeliveryAnswer } from './calcom-webhooks.service';

/** Cal.com's face: its webhook deliveries keep every appointment true, whoever changed the booking. */
@ApiTags('cal.com webhooks')
@ApiSecurity('cal-signature')
@UseGuards(CalcomWebhookGuard, GatewayThrottlerGuard)
@RateScopes('webhooks')
@Controller('api/webhooks/calcom')
export class CalcomWebhooksController {
  constructor(private readonly webhooks: CalcomWebhooksService) {}

  @Post(':slug')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A Cal.com webhook delivery for the company with this slug, signed in X-Cal-Signature-256',
    description:
      'BOOKING_CREATED, _REQUESTED, _RESCHEDULED, _CANCELLED, _REJECTED and _NO_SHOW_UPDATED are applied; other ' +
      'triggers are acknowledged. 401 for a missing or wrong signature, 404 for an unknown company, 400 for a body ' +
      'that cannot be read. The same delivery twice changes nothing more.',
  })
  @ApiBody({ schema: { type: 'object', example: { triggerEvent: 'BOOKING_CREATED', createdAt: '…', payload: {} } } })
  @ApiOkResponse({ description: '{ received: true, outcome: stored | duplicate | ignored }' })
  deliver(@Req() request: CalcomRequest): Promise<DeliveryAnswer> {
    return this.webhooks.receive(request.calcomAccount!, request.rawBody ?? Buffer.alloc(0), request.body);
  }
}
