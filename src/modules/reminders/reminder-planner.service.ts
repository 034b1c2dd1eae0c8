import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returned } from '../../database/returning';
import type { ReminderSettings } from '../tenants/company.entity';
import { callTime } from './reminder-window';

/** An upcoming appointment of a company that has reminders, as the planner reads it (one query for all). */
interface Upcoming {
  origin_id: string;
  company_id: string;
  customer_id: string | null;
  start_at: Date;
  created_at: Date;
  reminders: ReminderSettings;
  timezone: string;
  do_not_call: boolean | null;
  phone: string | null;
}

interface OpenReminder {
  id: string;
  appointment_origin_id: string;
  lead_minutes: number;
  appointment_start: Date;
}

/** The longest lead time allowed (14 days) and a day's margin: appointments further out have no reminder due yet. */
const HORIZON_MS = 15 * 86_400_000;

const UPCOMING = `
  SELECT a.origin_id, a.company_id, a.customer_id, a.start_at, a.created_at, c.reminders, c.timezone,
         cu.do_not_call, COALESCE(a.attendee_phone, cu.phone_e164) AS phone
  FROM appointments a
  JOIN companies c ON c.id = a.company_id
  LEFT JOIN customers cu ON cu.id = a.customer_id
  WHERE c.reminders IS NOT NULL AND a.status IN ('accepted', 'pending') AND a.start_at > $1 AND a.start_at <= $2`;

const OPEN = `SELECT id, appointment_origin_id, lead_minutes, appointment_start FROM reminders
  WHERE status IN ('scheduled', 'retry')`;

/**
 * Keeps one reminder per upcoming appointment and lead time, whatever made or changed the appointment (a call,
 * Cal.com's webhooks, reconciliation): new ones planned, moved ones planned again, gone ones dropped. None when the
 * appointment was booked after its reminder time, none without a number to call, none to a customer who opted out,
 * none when the calling window has no time left before the appointment.
 */
@Injectable()
export class ReminderPlannerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async plan(now = new Date()): Promise<{ planned: number; moved: number; dropped: number }> {
    const [upcoming, open] = await Promise.all([
      this.dataSource.query<Upcoming[]>(UPCOMING, [now, new Date(now.getTime() + HORIZON_MS)]),
      this.dataSource.query<OpenReminder[]>(OPEN),
    ]);
    const wanted = new Map<string, { appointment: Upcoming; lead: number; dueAt: Date; nextAt: Date }>();
    for (const appointment of upcoming) {
      if (appointment.do_not_call || !appointment.phone) continue;
      for (const lead of appointment.reminders.leadMinutes) {
        const dueAt = new Date(new Date(appointment.start_at).getTime() - lead * 60_000);
        if (dueAt < new Date(appointment.created_at)) continue;
        const nextAt = callTime(
          dueAt,
          new Date(appointment.start_at),
          appointment.reminders.window,
          appointment.timezone,
        );
        if (nextAt) wanted.set(`${appointment.origin_id}|${lead}`, { appointment, lead, dueAt, nextAt });
      }
    }
    const known = new Map(open.map((row) => [`${row.appointment_origin_id}|${row.lead_minutes}`, row]));
    let moved = 0;
    let dropped = 0;
    for (const [key, row] of known) {
      const plan = wanted.get(key);
      if (!plan) dropped += await this.drop(row.id);
      else if (new Date(row.appointment_start).getTime() !== new Date(plan.appointment.start_at).getTime())
        moved += await this.move(row.id, plan);
    }
    let planned = 0;
    for (const [key, plan] of wanted) if (!known.has(key)) planned += await this.insert(plan);
    return { planned, moved, dropped };
  }

  private async insert(plan: { appointment: Upcoming; lead: number; dueAt: Date; nextAt: Date }): Promise<number> {
    const { appointment: a } = plan;
    const rows = returned(
      await this.dataSource.query<unknown>(
        `INSERT INTO reminders (company_id, appointment_origin_id, customer_id, lead_minutes, appointment_start, due_at, next_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'scheduled')
       ON CONFLICT (appointment_origin_id, lead_minutes) DO NOTHING RETURNING id`,
        [a.company_id, a.origin_id, a.customer_id, plan.lead, a.start_at, plan.dueAt, plan.nextAt],
      ),
    );
    return rows.length;
  }

  /** The appointment moved before its reminder was placed: planned afresh for the new time. */
  private async move(id: string, plan: { appointment: Upcoming; dueAt: Date; nextAt: Date }): Promise<number> {
    const rows = returned(
      await this.dataSource.query<unknown>(
        `UPDATE reminders SET appointment_start = $2, due_at = $3, next_at = $4, status = 'scheduled', attempts = 0,
         reason = NULL, updated_at = now() WHERE id = $1 AND status IN ('scheduled', 'retry') RETURNING id`,
        [id, plan.appointment.start_at, plan.dueAt, plan.nextAt],
      ),
    );
    return rows.length;
  }

  private async drop(id: string): Promise<number> {
    const rows = returned(
      await this.dataSource.query<unknown>(
        `UPDATE reminders SET status = 'dropped', reason = $2, updated_at = now()
       WHERE id = $1 AND status IN ('scheduled', 'retry') RETURNING id`,
        [id, 'the appointment was cancelled or moved, or the customer asked not to be called'],
      ),
    );
    return rows.length;
  }
}
