import { Body, Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { LIFECYCLE_EVENTS } from '../calls/call-merge';
import { RetellAuth } from './retell-auth.decorator';
import { Vital } from './retell-routes';
import { RetellInboundFallbackFilter } from './retell-fallback.filter';
import { RetellDocs } from './retell-functions.docs';
import type { AuthenticatedRequest } from '../access/principal';
import type { AgentPrincipal } from '../access/principal';
import { RetellWebhookDto } from './retell-webhook.dto';
import { InboundAnswer, RetellInboundService } from './retell-inbound.service';
import { RetellWebhooksService } from './retell-webhooks.service';

@RetellAuth('webhooks')
@RetellDocs('retell webhooks')
@Controller('api/webhooks/retell')
export class RetellWebhooksController {
  constructor(
    private readonly webhooks: RetellWebhooksService,
    private readonly inbounds: RetellInboundService,
  ) {}

  @Post()
  @HttpCode(204)
  @Vital(LIFECYCLE_EVENTS)
  @ApiOperation({ summary: 'Call events: call_started, call_ended, call_analyzed are stored; others acknowledged' })
  @ApiNoContentResponse({ description: 'Stored (or a duplicate, or an event that is not stored)' })
  async event(@Body() body: RetellWebhookDto, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.webhooks.record(body, request.principal as AgentPrincipal | undefined, request.body);
  }

  @Post('inbound')
  @HttpCode(200)
  @Vital('*')
  @UseFilters(RetellInboundFallbackFilter)
  @ApiOperation({ summary: 'call_inbound / chat_inbound: dynamic variables for a known caller; fails open' })
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        event: 'call_inbound',
        call_inbound: { agent_id: 'agent_demo', from_number: '+4915112345678', to_number: '+493000000000' },
      },
    },
  })
  @ApiOkResponse({ description: '{ call_inbound: { dynamic_variables } }, or {} when the caller or number is unknown' })
  inbound(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<InboundAnswer> {
    return this.inbounds.answer(body, request.principal as AgentPrincipal);
  }
}
