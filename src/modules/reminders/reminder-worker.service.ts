import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { retellConfig, RetellConfig } from '../../config/configuration';
import { ReminderDispatcherService } from './reminder-dispatcher.service';
import { ReminderPlannerService } from './reminder-planner.service';

/**
 * Every `REMINDER_TICK_MS` (15 s): plans reminders for the appointments as they are now, then places those due.
 * Several instances may tick at once: planning is idempotent and each reminder is claimed by one of them. Ticks never
 * overlap within an instance. Tests call `tick(now)` with the time they want instead of waiting.
 */
@Injectable()
export class ReminderWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderWorkerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(retellConfig.KEY) private readonly config: RetellConfig,
    private readonly planner: ReminderPlannerService,
    private readonly dispatcher: ReminderDispatcherService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reminderTickMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.reminderTickMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One round at `now`; a round still running is waited for instead of started again. */
  tick(now = new Date()): Promise<void> {
    this.running ??= this.round(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(now: Date): Promise<void> {
    try {
      await this.planner.plan(now);
      await this.dispatcher.dispatch(now);
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'Reminder round failed; the next one tries again');
    }
  }
}
