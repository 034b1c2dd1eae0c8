import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { privacyConfig, PrivacyConfig } from '../../config/configuration';

const EVERY_HOUR_MS = 3_600_000;

/**
 * Removes transcripts (and the analyses made from them) once they are older than TRANSCRIPT_RETENTION_DAYS. Runs at
 * boot and hourly; one idempotent UPDATE, so several instances running it at once do no harm.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(privacyConfig.KEY) private readonly config: PrivacyConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.transcriptRetentionDays === 0) return;
    this.timer = setInterval(() => void this.run(), EVERY_HOUR_MS).unref();
    setImmediate(() => void this.run());
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Transcripts of calls that ended (or, never ended, began) more than the retention period before `now`. */
  async purgeTranscripts(now = new Date()): Promise<number> {
    if (this.config.transcriptRetentionDays === 0) return 0;
    const cutoff = new Date(now.getTime() - this.config.transcriptRetentionDays * 86_400_000);
    const [, affected] = await this.dataSource.query(
      `UPDATE calls SET transcript = NULL, transcript_object = NULL, analysis = NULL, updated_at = now()
       WHERE (transcript IS NOT NULL OR transcript_object IS NOT NULL OR analysis IS NOT NULL) AND COALESCE(ended_at, created_at) < $1`,
      [cutoff],
    );
    return Number(affected);
  }

  private async run(): Promise<void> {
    try {
      const removed = await this.purgeTranscripts();
      if (removed > 0)
        this.logger.log({ removed, days: this.config.transcriptRetentionDays }, 'Old transcripts removed');
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'Transcript retention run failed; next run in an hour');
    }
  }
}
