import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RetellAuth } from './retell-auth.decorator';
import type { RetellRequest } from './retell-auth.guard';
import { RetellWebhookDto } from './retell-webhook.dto';
import { InboundAnswer, RetellWebhooksService } from './retell-webhooks.service';

@RetellAuth()
@Controller('api/webhooks/retell')
export class RetellWebhooksController {
  constructor(private readonly webhooks: RetellWebhooksService) {}

  @Post()
  @HttpCode(204)
  async event(@Body() body: RetellWebhookDto, @Req() request: RetellRequest): Promise<void> {
    await this.webhooks.record(body, request.retellPrincipal);
  }

  @Post('inbound')
  @HttpCode(200)
  inbound(@Body() body: unknown): Promise<InboundAnswer> {
    return this.webhooks.inbound(body);
  }
}
