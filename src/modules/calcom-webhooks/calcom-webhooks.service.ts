import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { MetricsService } from '../../metrics/metrics.service';
import { CalcomDeliveriesService } from '../appointments/calcom-deliveries.service';
import type { NewsOutcome } from '../appointments/calcom-news';
import type { CalcomWebhookAccount } from '../tenants/calcom-webhook-accounts.service';
import { CompaniesService } from '../tenants/companies.service';
import { parseDelivery, triggerLabel } from './calcom-delivery.parse';

export interface DeliveryAnswer {
  received: true;
  outcome: NewsOutcome;
}

/** One verified delivery: read, applied once, counted; a delivery that cannot be read is a 400 with the reason. */
@Injectable()
export class CalcomWebhooksService {
  private readonly logger = new Logger(CalcomWebhooksService.name);

  constructor(
    private readonly deliveries: CalcomDeliveriesService,
    private readonly companies: CompaniesService,
    private readonly metrics: MetricsService,
  ) {}

  async receive(company: Pick<CalcomWebhookAccount, 'companyId' | 'timezone'>, raw: Buffer, body: unknown) {
    const trigger = triggerLabel(body);
    const parsed = parseDelivery(body);
    if (parsed.kind === 'invalid') {
      this.metrics.calcomWebhookEvents.inc({ trigger, outcome: 'invalid' });
      throw new BadRequestException(`Unreadable Cal.com delivery: ${parsed.reason}`);
    }
    // A verified delivery, even a ping: the subscription works.
    await this.companies.heardFromCalcom(company.companyId);
    const outcome: NewsOutcome =
      parsed.kind === 'ignored'
        ? 'ignored'
        : await this.deliveries.receive(
            { id: company.companyId, timezone: company.timezone },
            { ...parsed, hash: createHash('sha256').update(raw).digest('hex') },
          );
    this.metrics.calcomWebhookEvents.inc({ trigger, outcome });
    this.logger.log({ trigger: parsed.trigger, outcome }, 'Cal.com delivery');
    return { received: true, outcome } satisfies DeliveryAnswer;
  }
}
