import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
