import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RetellAuth } from './retell-auth.decorator';
import type { AuthenticatedRequest } from '../access/principal';
import type { AgentPrincipal } from '../access/retell-auth.guard';
import { RetellWebhookDto } from './retell-webhook.dto';
import { InboundAnswer, RetellInboundService } from './retell-inbound.service';
import { RetellWebhooksService } from './retell-webhooks.service';

@RetellAuth('webhooks')
@Controller('api/webhooks/retell')
export class RetellWebhooksController {
  constructor(
    private readonly webhooks: RetellWebhooksService,
    private readonly inbounds: RetellInboundService,
  ) {}

  @Post()
  @HttpCode(204)
  async event(@Body() body: RetellWebhookDto, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.webhooks.record(body, request.principal as AgentPrincipal | undefined, request.body);
  }

  @Post('inbound')
  @HttpCode(200)
  inbound(@Body() body: unknown): Promise<InboundAnswer> {
    return this.inbounds.answer(body);
  }
}
