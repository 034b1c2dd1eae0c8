import { Injectable } from '@nestjs/common';
import { CalcomHttpService } from './calcom-http.service';
import { CALCOM_API_VERSIONS } from './calcom.client';
import { CalcomError } from './calcom.errors';
import type { CalcomAccount } from './calcom.types';

/** A webhook subscription of the key's owner (API v2 `/v2/webhooks`, UserWebhookOutputDto). */
export interface CalcomSubscription {
  id: number;
  subscriberUrl: string;
  triggers: string[];
  active: boolean;
}

export interface SubscriptionInput {
  subscriberUrl: string;
  triggers: string[];
  active: boolean;
  secret: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseSubscription(raw: unknown): CalcomSubscription {
  if (!isObject(raw) || typeof raw.id !== 'number' || typeof raw.subscriberUrl !== 'string')
    throw new CalcomError('CALCOM_UNAVAILABLE', 'Unexpected Cal.com answer: webhook', null, true);
  const triggers = Array.isArray(raw.triggers) ? raw.triggers.filter((t): t is string => typeof t === 'string') : [];
  return { id: raw.id, subscriberUrl: raw.subscriberUrl, triggers, active: raw.active !== false };
}

/**
 * Cal.com's webhook subscriptions through API v2 (calcom/cal.com apps/api/v2/src/modules/webhooks: WebhooksController,
 * CreateWebhookInputDto `{ subscriberUrl, triggers, active, secret?, payloadTemplate? }`). The controller serves every
 * API version; the bookings version is sent, as a version is always sent.
 */
@Injectable()
export class CalcomWebhooksClient {
  constructor(private readonly http: CalcomHttpService) {}

  async list(account: CalcomAccount): Promise<CalcomSubscription[]> {
    const data = await this.send(account, 'GET', '/v2/webhooks', undefined, true, { take: 250 });
    if (!Array.isArray(data)) throw new CalcomError('CALCOM_UNAVAILABLE', 'Unexpected Cal.com answer: webhooks');
    return data.map(parseSubscription);
  }

  async create(account: CalcomAccount, input: SubscriptionInput): Promise<CalcomSubscription> {
    return parseSubscription(await this.send(account, 'POST', '/v2/webhooks', input));
  }

  async update(account: CalcomAccount, id: number, input: SubscriptionInput): Promise<CalcomSubscription> {
    return parseSubscription(await this.send(account, 'PATCH', `/v2/webhooks/${id}`, input));
  }

  async remove(account: CalcomAccount, id: number): Promise<void> {
    await this.send(account, 'DELETE', `/v2/webhooks/${id}`);
  }

  private send(
    account: CalcomAccount,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    data?: unknown,
    idempotent = method !== 'POST',
    params?: Record<string, number>,
  ): Promise<unknown> {
    const version = CALCOM_API_VERSIONS.bookings;
    return this.http.send(account, { name: `webhooks:${method}`, method, path, version, data, params, idempotent });
  }
}
