import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returned } from '../../database/returning';
import { MetricsService } from '../../metrics/metrics.service';
import { REMINDER_CALL_ROW, ReminderCallRow } from './reminder-call';
import { callTime } from './reminder-window';

/** What the customer did on a reminder call, from the functions the agent called. */
export type ToolOutcome = 'confirmed' | 'rescheduled' | 'cancelled' | 'declined';

/** Tried again after no answer or a voicemail: an hour later, inside the window, before the appointment. */
const RETRY_AFTER_MS = 60 * 60_000;
const ANSWERED_ONLY = 'answered; nothing confirmed, moved or cancelled';

/**
 * How each reminder ends: confirmed, rescheduled, cancelled or declined from what the customer did during the call;
 * no answer, voicemail or failed from `call_ended` and `call_analyzed` (disconnection reason, `in_voicemail`), tried
 * again inside the window up to the company's `maxAttempts`. Disconnection reasons: retell-typescript-sdk
 * `src/resources/call.ts` (`dial_no_answer`, `dial_busy`, `dial_failed`, `voicemail_reached`, `error_*`, …).
 */
@Injectable()
export class ReminderOutcomesService {
  private readonly logger = new Logger(ReminderOutcomesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  /** A function's outcome on a reminder's call; the first one the customer reaches counts. */
  async fromTool(retellCallId: string, outcome: ToolOutcome, reason: string | null = null): Promise<boolean> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE reminders SET status = $2, reason = $3, updated_at = now()
         WHERE retell_call_id = $1 AND (status = 'placed' OR (status = 'declined' AND reason = $4)) RETURNING id`,
        [retellCallId, outcome, reason, ANSWERED_ONLY],
      ),
    );
    if (rows.length > 0) this.metrics.reminders.inc({ outcome });
    return rows.length > 0;
  }

  /**
   * `call_ended` / `call_analyzed` of a reminder's call (any other call: nothing happens); `endedAt`: when the call
   * ended (a retry is an hour after it).
   */
  async fromCall(retellCallId: string, disconnection: string | undefined, inVoicemail: boolean, endedAt = new Date()) {
    const [open] = await this.dataSource.query<Array<{ id: string; status: string; reason: string | null }>>(
      `SELECT id, status, reason FROM reminders WHERE retell_call_id = $1`,
      [retellCallId],
    );
    const answeredOnly = open?.status === 'declined' && open.reason === ANSWERED_ONLY;
    if (!open || (open.status !== 'placed' && !answeredOnly)) return;
    const [row] = await this.dataSource.query<ReminderCallRow[]>(REMINDER_CALL_ROW, [[open.id]]);
    const heard = inVoicemail || disconnection === 'voicemail_reached' ? 'voicemail' : unanswered(disconnection);
    if (!heard) return answeredOnly ? undefined : this.end(open.id, open.status, 'declined', ANSWERED_ONLY);
    const again = this.again(row, endedAt);
    if (again) return this.retry(open.id, open.status, heard, again);
    return this.end(open.id, open.status, heard === 'error' ? 'failed' : heard, `${disconnection ?? heard}`);
  }

  private again(row: ReminderCallRow | undefined, endedAt: Date): Date | null {
    if (!row?.reminders || !row.start_at || row.attempts >= row.reminders.maxAttempts || row.do_not_call) return null;
    return callTime(
      new Date(endedAt.getTime() + RETRY_AFTER_MS),
      new Date(row.start_at),
      row.reminders.window,
      row.timezone,
    );
  }

  private async retry(id: string, from: string, heard: string, nextAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminders SET status = 'retry', reason = $3, next_at = $4, retell_call_id = NULL, updated_at = now()
       WHERE id = $1 AND status = $2`,
      [id, from, `${heard}; calling again`, nextAt],
    );
    this.metrics.reminders.inc({ outcome: 'retry' });
  }

  private async end(id: string, from: string, status: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminders SET status = $3, reason = $4, updated_at = now() WHERE id = $1 AND status = $2`,
      [id, from, status, reason],
    );
    this.metrics.reminders.inc({ outcome: status });
    this.logger.log({ reminder: id, outcome: status }, 'Reminder ended');
  }

  /** The customer asked not to be called: their waiting reminders go. */
  async optedOut(companyId: string, customerId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminders SET status = 'dropped', reason = 'the customer asked not to be called', updated_at = now()
       WHERE company_id = $1 AND customer_id = $2 AND status IN ('scheduled', 'retry')`,
      [companyId, customerId],
    );
  }
}

/** No answer (or busy), a call that failed on Retell's side, or null when the customer answered. */
function unanswered(disconnection: string | undefined): 'no_answer' | 'error' | null {
  if (disconnection === 'dial_no_answer' || disconnection === 'dial_busy') return 'no_answer';
  if (disconnection === 'dial_failed' || disconnection?.startsWith('error_')) return 'error';
  return null;
}
