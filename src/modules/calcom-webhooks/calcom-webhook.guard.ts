import { CanActivate, ExecutionContext, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedRequest } from '../access/principal';
import { CalcomWebhookAccount, CalcomWebhookAccountsService } from '../tenants/calcom-webhook-accounts.service';
import { MetricsService } from '../../metrics/metrics.service';
import { triggerLabel } from './calcom-delivery.parse';
import { verifyCalcomSignature } from './calcom-signature';

/** A delivery's request once verified: the company it is for. */
export type CalcomRequest = AuthenticatedRequest & { params: { slug?: string }; calcomAccount?: CalcomWebhookAccount };

/**
 * A delivery for the company the URL names (404 for an unknown slug), signed with that company's webhook secret (401
 * otherwise, and nothing changes). The principal then acts for that company alone, whatever the delivery says.
 */
@Injectable()
export class CalcomWebhookGuard implements CanActivate {
  constructor(
    private readonly accounts: CalcomWebhookAccountsService,
    private readonly metrics: MetricsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CalcomRequest>();
    const account = await this.accounts.forSlug(String(request.params.slug ?? ''));
    if (!account) throw new NotFoundException('No company with this slug');
    const signature = request.headers['x-cal-signature-256'];
    if (!account.secret || !verifyCalcomSignature(request.rawBody, signature, account.secret)) {
      this.metrics.calcomWebhookEvents.inc({ trigger: triggerLabel(request.body), outcome: 'unauthorized' });
      throw new UnauthorizedException('Invalid or missing credentials');
    }
    request.principal = { kind: 'calcom', companyId: account.companyId };
    request.calcomAccount = account;
    return true;
  }
}
