import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsService } from '../../metrics/metrics.service';
import { CallPostProcessor } from './call-post-processor.service';

const SWEEP_MS = 5_000;
const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** A follow-up that has not finished by then (a killed process) is taken over by the next sweep, on any instance. */
const LEASE = '60 seconds';

const CLAIMABLE = `processed_at IS NULL AND (claimed_until IS NULL OR claimed_until < now()) AND attempts < ${MAX_ATTEMPTS}`;
/**
 * Claims the oldest due follow-ups. SKIP LOCKED lets several instances sweep at once without taking the same row; the
 * lease makes a claim of a dead process expire.
 */
const CLAIM_DUE = `
WITH claimed AS (
  UPDATE call_events SET claimed_until = now() + interval '${LEASE}', attempts = attempts + 1
  WHERE id IN (SELECT id FROM call_events WHERE ${CLAIMABLE} ORDER BY received_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
  RETURNING id, call_id, event, attempts)
SELECT * FROM claimed`;

interface Due {
  id: string;
  call_id: string;
  event: string;
  attempts: number;
}

/**
 * Follow-ups of call events stored due (`processed_at` unset): linking the caller, call metrics. The event row is the
 * outbox. Events are stored done now, their follow-up made in the storing transaction (CallEventStore); the sweep
 * finishes what an earlier version of the gateway stored due, on any instance, and keeps the queue metric honest.
 */
@Injectable()
export class CallFollowUps implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CallFollowUps.name);
  private readonly running = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: CallPostProcessor,
    metrics: MetricsService,
  ) {
    metrics.gauge('call_followups_pending', 'Follow-ups of stored call events still due (the queue)', [], async () => [
      [{}, await this.depth()],
    ]);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.track(this.run()), SWEEP_MS);
    this.timer.unref();
  }

  /** Follow-ups still due (not yet done, attempts left), for diagnostics. */
  async depth(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS due FROM call_events WHERE processed_at IS NULL AND attempts < ${MAX_ATTEMPTS}`,
    );
    return row.due as number;
  }

  /** Resolves once nothing runs in this process and nothing is due that could run now (bounded wait). */
  async drain(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    do {
      await Promise.allSettled([...this.running]);
      await this.run();
    } while ((this.running.size > 0 || (await this.depth()) > 0) && Date.now() < until);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private async run(): Promise<void> {
    if (this.stopping) return;
    try {
      const due: Due[] = await this.dataSource.query(CLAIM_DUE);
      if (due.length > 0) await this.runAll(due);
    } catch (error) {
      // The database is away: the rows stay due (or their claim expires), and the next sweep tries again.
      this.logger.warn({ error: (error as Error).message }, 'Call follow-ups could not be run');
    }
  }

  private async runAll(due: Due[]): Promise<void> {
    try {
      await this.processor.process(due.map((row) => ({ callId: row.call_id, event: row.event })));
      await this.dataSource.query(
        `UPDATE call_events SET processed_at = now(), claimed_until = NULL WHERE id = ANY($1::uuid[])`,
        [due.map((row) => row.id)],
      );
    } catch (error) {
      for (const row of due) await this.retryLater(row, error as Error);
    }
  }

  private async retryLater(row: Due, error: Error): Promise<void> {
    const backoff = `${2 ** row.attempts} seconds`;
    await this.dataSource
      .query(`UPDATE call_events SET claimed_until = now() + $2::interval WHERE id = $1`, [row.id, backoff])
      .catch(() => undefined);
    this.logger.warn({ attempt: row.attempts, error: error.message }, 'Call follow-up failed');
  }
}
