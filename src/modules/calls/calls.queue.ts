import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { redisConfig, RedisConfig } from '../../config/configuration';
import { CallPostProcessor, PostProcessJob } from './call-post-processor.service';

const QUEUE = 'call-post-processing';
const ATTEMPTS = 3;

/**
 * Follow-up work after a webhook was stored and answered. BullMQ on Redis when configured (any instance may run a
 * job, retried with backoff); otherwise an in-process queue with the same retry policy.
 */
@Injectable()
export class CallsQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CallsQueue.name);
  private queue?: Queue;
  private worker?: Worker;
  private connection?: Redis;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @Inject(redisConfig.KEY) private readonly config: RedisConfig,
    private readonly processor: CallPostProcessor,
  ) {}

  onModuleInit(): void {
    if (!this.config.url) return;
    // BullMQ needs its own connection that waits instead of failing commands (maxRetriesPerRequest: null).
    this.connection = new Redis(this.config.url, { maxRetriesPerRequest: null, connectionName: 'queue' });
    this.connection.on('error', (error: Error) => this.logger.warn({ error: error.message }, 'Queue Redis connection error'));
    const prefix = `${this.config.keyPrefix}bull`;
    this.queue = new Queue(QUEUE, { connection: this.connection, prefix });
    this.worker = new Worker(QUEUE, (job) => this.processor.process(job.data as PostProcessJob), { connection: this.connection, prefix, concurrency: 4 });
    this.worker.on('failed', (job, error) => this.logger.warn({ jobId: job?.id, error: error.message }, 'Call post-processing failed'));
  }

  async enqueue(job: PostProcessJob): Promise<void> {
    if (!this.queue) return this.runInProcess(job);
    try {
      await this.queue.add(job.event, job, {
        jobId: `${job.event}-${job.callId}`,
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'Could not enqueue; running in process');
      this.runInProcess(job);
    }
  }

  async depth(): Promise<number> {
    if (!this.queue) return this.pending.size;
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  }

  /** Resolves once every queued job has finished (in-process), or the shared queue is empty (BullMQ, bounded wait). */
  async drain(timeoutMs = 10_000): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    const until = Date.now() + timeoutMs;
    while (this.queue && (await this.depth()) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  async onApplicationShutdown(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    await this.worker?.close();
    await this.queue?.close();
    this.connection?.disconnect();
  }

  private runInProcess(job: PostProcessJob): void {
    const run = (async () => {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          await this.processor.process(job);
          return;
        } catch (error) {
          if (attempt === ATTEMPTS) this.logger.warn({ callId: job.callId, error: (error as Error).message }, 'Call post-processing failed');
          else await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
        }
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }
}
