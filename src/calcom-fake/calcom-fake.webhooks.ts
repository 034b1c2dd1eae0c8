import { createHmac } from 'node:crypto';
import { notFound } from './calcom-fake.texts';

/** A subscription as Cal.com's API v2 keeps it (UserWebhookOutputDto). */
export interface FakeWebhook {
  id: number;
  userId: number;
  subscriberUrl: string;
  triggers: string[];
  active: boolean;
  secret?: string;
  payloadTemplate: string | null;
}

export interface SentDelivery {
  url: string;
  trigger: string;
  body: string;
  status?: number;
}

/**
 * The fake's webhook subscriptions (`/v2/webhooks`, as Cal.com's WebhooksController serves them) and its deliveries:
 * `POST <subscriberUrl>` with `{ triggerEvent, createdAt, payload }` and `X-Cal-Signature-256` (hex HMAC-SHA256 of the
 * body, or `no-secret-provided`), as packages/features/webhooks/lib/sendPayload.ts sends them.
 */
export class FakeWebhooks {
  readonly subscriptions = new Map<number, FakeWebhook>();
  readonly sent: SentDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private nextId = 1;

  route(method: string, path: string, body: Record<string, unknown>): [number, unknown] {
    const id = Number(path.split('/')[3]);
    if (method === 'POST' && !id) return [201, this.save(this.nextId++, body)];
    if (method === 'GET' && !id) return [200, [...this.subscriptions.values()]];
    const found = this.subscriptions.get(id);
    if (!found) throw notFound(`Webhook (${path.split('/')[3]}) not found`);
    if (method === 'PATCH') return [200, this.save(id, { ...found, ...body })];
    if (method === 'DELETE') this.subscriptions.delete(id);
    return [200, found];
  }

  /** Sends a delivery to every active subscription of the trigger; `settled()` waits for them. */
  notify(trigger: string, payload: object, createdAt = new Date()): void {
    for (const hook of this.subscriptions.values()) {
      if (!hook.active || !hook.triggers.includes(trigger)) continue;
      const body = JSON.stringify({ triggerEvent: trigger, createdAt: createdAt.toISOString(), payload });
      const delivery = this.deliver(hook, trigger, body);
      this.inFlight.add(delivery);
      void delivery.finally(() => this.inFlight.delete(delivery));
    }
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  reset(): void {
    this.subscriptions.clear();
    this.sent.length = 0;
  }

  private save(id: number, body: Record<string, unknown>): FakeWebhook {
    const hook: FakeWebhook = {
      id,
      userId: 1,
      subscriberUrl: String(body.subscriberUrl),
      triggers: Array.isArray(body.triggers) ? body.triggers.map(String) : [],
      active: body.active !== false,
      ...(typeof body.secret === 'string' ? { secret: body.secret } : {}),
      payloadTemplate: typeof body.payloadTemplate === 'string' ? body.payloadTemplate : null,
    };
    this.subscriptions.set(id, hook);
    return hook;
  }

  private async deliver(hook: FakeWebhook, trigger: string, body: string): Promise<void> {
    const signature = hook.secret ? createHmac('sha256', hook.secret).update(body).digest('hex') : 'no-secret-provided';
    const sent: SentDelivery = { url: hook.subscriberUrl, trigger, body };
    this.sent.push(sent);
    try {
      const response = await fetch(hook.subscriberUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cal-signature-256': signature },
        body,
        redirect: 'manual',
      });
      sent.status = response.status;
      await response.text();
    } catch {
      sent.status = 0;
    }
  }
}
