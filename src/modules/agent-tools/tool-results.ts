import type { DomainErrorCode } from '../../common/domain-error';
import type { Why } from '../appointments/unavailable';
import type { Period, When } from '../appointments/when';
import type { OpeningHours } from '../tenants/branch.entity';

/** One of the caller's appointments as a tool reports it. `status` is absent where the caller only has to choose. */
export interface AppointmentView {
  id: string;
  service: string | null;
  start: Date;
  status?: 'requested' | 'confirmed';
}

export interface FreeDay {
  /** YYYY-MM-DD in the company's timezone. */
  day: string;
  slots: Date[];
}

/**
 * What a tool found out, without a word of speech and without a transport: the faces render it (a sentence in the
 * company's language for Retell, the same sentence plus this object for MCP).
 */
export type ToolResult =
  | { kind: 'services'; services: Array<{ name: string; durationMinutes: number; branch: string | null }> }
  | { kind: 'branches'; branches: Array<{ name: string; address: string | null; openingHours: OpeningHours }> }
  | { kind: 'customerSaved'; customerId: string; name: string }
  | { kind: 'free'; start: Date }
  | { kind: 'freeTimes'; days: FreeDay[]; period?: Period }
  /** Free times near a wish (or from now, `near` null). */
  | { kind: 'alternatives'; near: Date | null; alternatives: Date[] }
  /**
   * Nothing for the caller at the time (`wanted`) or on the day (and part of it) asked, `why`, and what else there
   * is; `stays`: a move that did not happen leaves this appointment as it was.
   */
  | {
      kind: 'unavailable';
      wanted: Date | null;
      day: string;
      period?: Period;
      why: Unavailable;
      alternatives: Date[];
      days?: FreeDay[];
      stays?: AppointmentView;
    }
  /** The read-back; `heldUntil`: the time is held for the caller until then (null: not held). */
  | { kind: 'confirmBooking'; start: Date; service: string; name: string; heldUntil: Date | null }
  /** The caller said no to the read-back: `released` holds went. */
  | { kind: 'declined'; released: number }
  /** Booked, or moved (from `previous`; `unchanged` when it already was at that time). */
  | {
      kind: 'booked';
      appointment: AppointmentView & { service: string };
      moved: boolean;
      previous?: Date;
      unchanged?: boolean;
    }
  | { kind: 'cancelled'; appointment: AppointmentView; alreadyCancelled: boolean }
  | { kind: 'appointments'; appointments: AppointmentView[] }
  | { kind: 'whichAppointment'; appointments: AppointmentView[] }
  | { kind: 'noAppointment' }
  /** The customer said they will come (a reminder call's yes). */
  | { kind: 'attendanceConfirmed'; appointment: AppointmentView }
  /** The customer asked not to be called again. */
  | { kind: 'optedOut' }
  | { kind: 'unknownService'; offered: string[] }
  /** A day without a time (`day`: nor a day); `again` when the caller was already asked for the whole appointment. */
  | { kind: 'needTime'; again: boolean; day?: boolean }
  | { kind: 'needEmail' }
  /** An e-mail address was said but cannot be one: ask to spell it. */
  | { kind: 'unreadEmail' }
  | (When & { kind: 'clarify' })
  | { kind: 'unreadDate' }
  | { kind: 'unreadPhone' }
  | { kind: 'missingArguments'; fields: string[] }
  | { kind: 'failed'; code: ToolFailure };

/** Why there is nothing: the calendar's reasons, or it is the caller's own appointment already. */
export type Unavailable = Why | { reason: 'yours'; appointment: AppointmentView };

type ToolFailure = DomainErrorCode | 'NOT_CONFIGURED' | 'INTERNAL';
