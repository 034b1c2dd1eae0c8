import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { privacyConfig, PrivacyConfig } from '../../config/configuration';
import { PURGE_FUNCTION_CALLS, PURGE_TRANSCRIPTS } from './call-privacy';

const EVERY_HOUR_MS = 3_600_000;

/**
 * Removes transcripts (and the analyses made from them) once they are older than TRANSCRIPT_RETENTION_DAYS. Runs at
 * boot and hourly; one idempotent UPDATE, so several instances running it at once do no harm. A shutdown waits for a
 * run in progress and starts none, so a process stopped right after its start does not query a closed database.
 */
@Injectable()
export class CallRetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CallRetentionService.name);
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Immediate;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(privacyConfig.KEY) private readonly config: PrivacyConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.transcriptRetentionDays === 0) return;
    this.timer = setInterval(() => void this.run(), EVERY_HOUR_MS).unref();
    this.first = setImmediate(() => void this.run());
  }

  /** Before the database closes (TypeORM closes it in its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    clearImmediate(this.first);
    await this.running;
  }

  /** Transcripts of calls that ended (or, never ended, began) more than the retention period before `now`. */
  async purgeTranscripts(now = new Date()): Promise<number> {
    if (this.config.transcriptRetentionDays === 0) return 0;
    const cutoff = new Date(now.getTime() - this.config.transcriptRetentionDays * 86_400_000);
    // Together: a shutdown waits for this one run, whichever statement is still in flight.
    const [, [, affected]] = await Promise.all([
      this.dataSource.query(PURGE_FUNCTION_CALLS, [cutoff]),
      this.dataSource.query<[unknown, number]>(PURGE_TRANSCRIPTS, [cutoff]),
    ]);
    return Number(affected);
  }

  private run(): Promise<void> {
    if (this.stopping || this.running) return this.running ?? Promise.resolve();
    this.running = this.purge().finally(() => (this.running = undefined));
    return this.running;
  }

  private async purge(): Promise<void> {
    try {
      const removed = await this.purgeTranscripts();
      if (removed > 0)
        this.logger.log({ removed, days: this.config.transcriptRetentionDays }, 'Old transcripts removed');
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'Transcript retention run failed; next run in an hour');
    }
  }
}
