import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CalcomSubscription, CalcomWebhooksClient } from '../calcom/calcom-webhooks.client';
import type { CalcomAccount } from '../calcom/calcom.types';
import { CalcomWebhookAccountsService } from '../tenants/calcom-webhook-accounts.service';
import { CompaniesService } from '../tenants/companies.service';
import { CompanyAccountsService } from '../tenants/company-accounts.service';

/** The triggers the gateway applies: a subscription asks for exactly these. */
export const SUBSCRIBED_TRIGGERS = [
  'BOOKING_CREATED',
  'BOOKING_REQUESTED',
  'BOOKING_RESCHEDULED',
  'BOOKING_CANCELLED',
  'BOOKING_REJECTED',
  'BOOKING_NO_SHOW_UPDATED',
];

export interface SubscriptionReport {
  action: 'created' | 'updated';
  id: number;
  subscriberUrl: string;
  triggers: string[];
}

/** Where Cal.com delivers a company's webhooks on this gateway. */
export const deliveryUrl = (baseUrl: string, slug: string) =>
  `${baseUrl.replace(/\/+$/, '')}/api/webhooks/calcom/${slug}`;

/**
 * `npm run calcom:webhooks`: a company's subscription in its own Cal.com, through API v2. Setting it up is
 * idempotent: the subscription for the gateway's URL is updated (triggers, secret, active) or else created, with the
 * company's stored secret (made once, stored sealed).
 */
@Injectable()
export class CalcomSubscriptionsService {
  constructor(
    private readonly client: CalcomWebhooksClient,
    private readonly accounts: CompanyAccountsService,
    private readonly webhooks: CalcomWebhookAccountsService,
    private readonly companies: CompaniesService,
  ) {}

  async setUp(slug: string, baseUrl: string): Promise<SubscriptionReport> {
    const { account, companyId, secret } = await this.company(slug);
    const subscriberUrl = deliveryUrl(baseUrl, slug);
    const key = secret ?? randomBytes(32).toString('hex');
    if (!secret) await this.companies.update(companyId, { calcomWebhookSecret: key });
    const input = { subscriberUrl, triggers: SUBSCRIBED_TRIGGERS, active: true, secret: key };
    const existing = (await this.client.list(account)).find((hook) => hook.subscriberUrl === subscriberUrl);
    const saved = existing
      ? await this.client.update(account, existing.id, input)
      : await this.client.create(account, input);
    return { action: existing ? 'updated' : 'created', id: saved.id, subscriberUrl, triggers: saved.triggers };
  }

  /** Every subscription of the company's Cal.com account. */
  async list(slug: string): Promise<CalcomSubscription[]> {
    return this.client.list((await this.company(slug)).account);
  }

  /** Removes the subscriptions that deliver to this company on any gateway URL, and forgets its secret. */
  async remove(slug: string): Promise<CalcomSubscription[]> {
    const { account, companyId } = await this.company(slug);
    const ours = (await this.client.list(account)).filter((hook) =>
      hook.subscriberUrl.endsWith(`/api/webhooks/calcom/${slug}`),
    );
    for (const hook of ours) await this.client.remove(account, hook.id);
    await this.companies.update(companyId, { calcomWebhookSecret: null });
    return ours;
  }

  private async company(slug: string): Promise<{ account: CalcomAccount; companyId: string; secret: string | null }> {
    const webhook = await this.webhooks.forSlug(slug);
    if (!webhook) throw new Error(`No company with slug "${slug}"`);
    const account = await this.accounts.calcomAccount(webhook.companyId);
    if (!account) throw new Error(`Company ${slug} has no Cal.com API key: set calcomApiKey first`);
    return { account, companyId: webhook.companyId, secret: webhook.secret };
  }
}
