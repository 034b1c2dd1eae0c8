import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returned } from '../../database/returning';
import { MetricsService } from '../../metrics/metrics.service';
import { CompanyAccountsService } from '../tenants/company-accounts.service';
import { REMINDER_CALL_ROW, ReminderCallRow, reminderVariables } from './reminder-call';
import { callTime } from './reminder-window';
import { RetellCallsClient } from './retell-calls.client';

/** How long a claim is the claimer's alone; an instance that died holding it gives it back after this. */
const LEASE_MS = 120_000;
const BATCH = 20;

const CLAIM = `
  UPDATE reminders SET status = 'calling', lease_until = $2, attempts = attempts + 1, updated_at = now()
  WHERE id IN (
    SELECT id FROM reminders
    WHERE (status IN ('scheduled', 'retry') AND next_at <= $1) OR (status = 'calling' AND lease_until < $1)
    ORDER BY next_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
  RETURNING id`;

type Settle = { status: string; reason: string | null; nextAt?: Date; callId?: string };

/**
 * Places the reminder calls that are due: each claimed in the database first (`FOR UPDATE SKIP LOCKED` and a lease),
 * so of several instances exactly one asks Retell, once; then placed, retried later with backoff where a retry can
 * help (inside the window and before the appointment), or failed with Retell's reason.
 */
@Injectable()
export class ReminderDispatcherService {
  private readonly logger = new Logger(ReminderDispatcherService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: CompanyAccountsService,
    private readonly retell: RetellCallsClient,
    private readonly metrics: MetricsService,
  ) {}

  /** Claims what is due at `now` and places it; the number of reminders claimed. */
  async dispatch(now = new Date()): Promise<number> {
    const claimed = returned<{ id: string }>(
      await this.dataSource.query(CLAIM, [now, new Date(now.getTime() + LEASE_MS)]),
    );
    if (claimed.length === 0) return 0;
    const rows = await this.dataSource.query<ReminderCallRow[]>(REMINDER_CALL_ROW, [claimed.map((row) => row.id)]);
    await Promise.all(rows.map((row) => this.place(row, now)));
    return rows.length;
  }

  private async place(row: ReminderCallRow, now: Date): Promise<void> {
    const settings = row.reminders;
    const start = row.start_at ? new Date(row.start_at) : null;
    if (!settings || !start || start <= now || row.do_not_call || !row.phone)
      return this.settle(row.id, { status: 'dropped', reason: 'the appointment or the customer no longer wants it' });
    const inWindow = callTime(now, start, settings.window, row.timezone);
    if (!inWindow) return this.settle(row.id, { status: 'failed', reason: 'no time left in the calling window' });
    if (inWindow > now) return this.settle(row.id, { status: 'retry', reason: null, nextAt: inWindow }, -1);
    const apiKey = (await this.accounts.retellKeyring()).apiKeyFor(row.company_id);
    const from = settings.fromNumber ?? row.first_number;
    if (!apiKey || !from)
      return this.settle(row.id, { status: 'failed', reason: apiKey ? 'no number to call from' : 'no Retell API key' });
    const placed = await this.retell.createPhoneCall(apiKey, {
      from_number: from,
      to_number: row.phone,
      override_agent_id: settings.agentId,
      retell_llm_dynamic_variables: reminderVariables(row, start),
      metadata: { reminder_id: row.id, appointment_id: row.appointment_origin_id, company_id: row.company_id },
    });
    if (placed.ok) return this.settle(row.id, { status: 'placed', reason: null, callId: placed.callId });
    // Retell may quote the number called: the customer's number stays out of the log and the reminder's reason.
    placed.reason = placed.reason.split(row.phone).join('<customer>');
    this.logger.warn({ reminder: row.id, status: placed.status, reason: placed.reason }, 'Reminder call refused');
    const later = placed.retry && row.attempts < settings.maxAttempts ? this.backoff(row, now, start) : null;
    return this.settle(
      row.id,
      later ? { status: 'retry', reason: placed.reason, nextAt: later } : { status: 'failed', reason: placed.reason },
    );
  }

  /** 1, 2, 4 … minutes after this attempt (30 at most), inside the window and before the appointment. */
  private backoff(row: ReminderCallRow, now: Date, start: Date): Date | null {
    const wait = Math.min(2 ** Math.max(row.attempts - 1, 0), 30) * 60_000;
    return callTime(new Date(now.getTime() + wait), start, row.reminders!.window, row.timezone);
  }

  /** Ends the claim. `attemptsDelta` -1: nothing was asked of Retell (only the window was waited for). */
  private async settle(id: string, settle: Settle, attemptsDelta = 0): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminders SET status = $2, reason = $3, next_at = COALESCE($4, next_at), retell_call_id = COALESCE($5, retell_call_id),
         attempts = attempts + $6, lease_until = NULL, updated_at = now() WHERE id = $1 AND status = 'calling'`,
      [id, settle.status, settle.reason, settle.nextAt ?? null, settle.callId ?? null, attemptsDelta],
    );
    this.metrics.reminders.inc({ outcome: settle.status });
  }
}
