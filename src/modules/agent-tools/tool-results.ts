import type { DomainErrorCode } from '../../common/domain-error';
import type { When } from '../appointments/when';
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
  | { kind: 'freeTimes'; days: FreeDay[] }
  /** The wished time is taken (`wanted`), or nothing was free on the days asked (`wanted` null, `days` given). */
  | { kind: 'slotTaken'; wanted: Date | null; alternatives: Date[]; days?: FreeDay[] }
  /** The read-back; `heldUntil`: the time is held for the caller until then (null: not held). */
  | { kind: 'confirmBooking'; start: Date; service: string; name: string; heldUntil: Date | null }
  /** The caller said no to the read-back: `released` holds went. */
  | { kind: 'declined'; released: number }
  | { kind: 'booked'; appointment: AppointmentView & { service: string }; moved: boolean }
  | { kind: 'cancelled'; appointment: AppointmentView; alreadyCancelled: boolean }
  | { kind: 'appointments'; appointments: AppointmentView[] }
  | { kind: 'whichAppointment'; appointments: AppointmentView[] }
  | { kind: 'noAppointment' }
  | { kind: 'unknownService'; offered: string[] }
  /** A day without a time; `again` when the caller was already asked for the whole appointment. */
  | { kind: 'needTime'; again: boolean }
  | { kind: 'needEmail' }
  | (When & { kind: 'clarify' })
  | { kind: 'unreadDate' }
  | { kind: 'unreadPhone' }
  | { kind: 'missingArguments'; fields: string[] }
  | { kind: 'failed'; code: ToolFailure };

type ToolFailure = DomainErrorCode | 'NOT_CONFIGURED' | 'INTERNAL';
