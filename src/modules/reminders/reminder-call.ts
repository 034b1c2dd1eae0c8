import { DateTime } from 'luxon';
import type { Locale, ReminderSettings } from '../tenants/company.entity';

/** What a reminder call needs to know, read in one query. */
export interface ReminderCallRow {
  id: string;
  company_id: string;
  appointment_origin_id: string;
  attempts: number;
  appointment_start: Date;
  status: string | null;
  start_at: Date | null;
  company_name: string;
  timezone: string;
  locale: Locale;
  reminders: ReminderSettings | null;
  service_name: string | null;
  customer_name: string | null;
  do_not_call: boolean | null;
  phone: string | null;
  first_number: string | null;
}

export const REMINDER_CALL_ROW = `
  SELECT r.id, r.company_id, r.appointment_origin_id, r.attempts, r.appointment_start,
         a.status, a.start_at, c.name AS company_name, c.timezone, c.locale, c.reminders,
         s.name AS service_name, cu.name AS customer_name, cu.do_not_call,
         COALESCE(a.attendee_phone, cu.phone_e164) AS phone,
         (SELECT p.e164 FROM phone_numbers p WHERE p.company_id = r.company_id ORDER BY p.created_at, p.e164 LIMIT 1)
           AS first_number
  FROM reminders r
  JOIN companies c ON c.id = r.company_id
  LEFT JOIN appointments a ON a.origin_id = r.appointment_origin_id AND a.status IN ('accepted', 'pending')
  LEFT JOIN services s ON s.id = a.service_id
  LEFT JOIN customers cu ON cu.id = a.customer_id
  WHERE r.id = ANY($1)`;

/**
 * The dynamic variables of a reminder call (Retell takes strings only): who is called, for what and when, as the
 * company's language says the day and the time, and the ids the agent passes back to the functions.
 */
export function reminderVariables(row: ReminderCallRow, start: Date): Record<string, string> {
  const local = DateTime.fromJSDate(start, { zone: row.timezone }).setLocale(row.locale);
  const de = row.locale === 'de';
  const time = de
    ? `${local.minute === 0 ? local.toFormat('H') : local.toFormat('H:mm')} Uhr`
    : local.toFormat(local.minute === 0 ? 'h a' : 'h:mm a').toLowerCase();
  return {
    customer_name: row.customer_name ?? '',
    company_name: row.company_name,
    service: row.service_name ?? '',
    appointment_date: local.toFormat(de ? 'cccc, d. LLLL' : 'cccc, LLLL d'),
    appointment_time: time,
    appointment_id: row.appointment_origin_id,
    reminder_id: row.id,
    current_timezone: row.timezone,
  };
}
