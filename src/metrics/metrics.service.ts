import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per application instance, so several apps in one process (tests) never collide. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly callsEnded = new Counter({
    name: 'retell_calls_ended_total',
    help: 'Calls ended, by disconnection reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly callDuration = new Histogram({
    name: 'retell_call_duration_seconds',
    help: 'Duration of ended calls',
    buckets: [15, 30, 60, 120, 300, 600, 1200],
    registers: [this.registry],
  });

  readonly calcomDuration = new Histogram({
    name: 'calcom_request_duration_seconds',
    help: 'Cal.com requests by operation and outcome (HTTP status, timeout, refused)',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers: [this.registry],
  });

  /** Every tool call, by tool, face and outcome (the result's kind: `free`, `booked`, `unavailable`, `failed`, …). */
  readonly toolDuration = new Histogram({
    name: 'agent_tool_duration_seconds',
    help: 'Agent tool calls by tool, face (retell, mcp) and outcome',
    labelNames: ['tool', 'face', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4],
    registers: [this.registry],
  });

  readonly cacheRequests = new Counter({
    name: 'cache_requests_total',
    help: 'Cache reads by cache (slots, catalog, event types) and result (hit, miss)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  readonly calcomWebhookEvents = new Counter({
    name: 'calcom_webhook_events_total',
    help: 'Cal.com webhook deliveries by trigger and outcome (stored, duplicate, ignored, invalid, unauthorized)',
    labelNames: ['trigger', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly slotHolds = new Counter({
    name: 'slot_holds_total',
    help: 'Slots held while a caller decides, by outcome (made, used, released, expired)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly reminders = new Counter({
    name: 'reminders_total',
    help:
      'Reminder calls by what became of them (placed, retry, confirmed, rescheduled, cancelled, no_answer, ' +
      'voicemail, declined, failed, dropped)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly webhookEvents = new Counter({
    name: 'retell_webhook_events_total',
    help: 'Retell webhook events by type and outcome (stored, duplicate, ignored, failed)',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });

  /** How many call events each transaction stored: 1 while webhooks come one at a time, more in a burst. */
  readonly callEventBatch = new Histogram({
    name: 'retell_call_event_batch_size',
    help: 'Call events written per transaction (events arriving together are stored together)',
    buckets: [1, 2, 5, 10, 20, 50, 100],
    registers: [this.registry],
  });

  constructor() {
    // Event-loop lag, heap, GC and handles come with the defaults (nodejs_eventloop_lag_seconds, …).
    collectDefaultMetrics({ register: this.registry });
  }

  /** An ended call: counted by its disconnection reason, its duration observed when Retell gave one. */
  countEndedCall(reason: string | null | undefined, durationMs: number | null | undefined): void {
    this.callsEnded.inc({ reason: reason ?? 'unknown' });
    if (typeof durationMs === 'number') this.callDuration.observe(durationMs / 1000);
  }

  /** A gauge read when /metrics is scraped (breaker states, queue depth): the owner supplies the values. */
  gauge(
    name: string,
    help: string,
    labelNames: string[],
    read: () => Promise<Array<[Record<string, string>, number]>>,
  ) {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [labels, value] of await read().catch(() => [])) this.set(labels, value);
      },
    });
  }
}
