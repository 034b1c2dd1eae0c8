import type { CalcomBookingStatus } from '../calcom/calcom.types';

/** What Cal.com says about one booking, from a webhook delivery or from its API (a reconciliation). */
export interface BookingState {
  uid: string;
  eventTypeId: number | null;
  status: CalcomBookingStatus;
  start: Date;
  end: Date;
  /** A reschedule: the booking this one replaces, and its times when the news says them. */
  previousUid?: string;
  previousStart?: Date;
  previousEnd?: Date;
  cancellationReason?: string;
  /** The first attendee; on a seated booking, the one the news is about. */
  attendee?: Attendee;
  /** Our own idempotency key, when the gateway made the booking. */
  bookingKey?: string;
}

export interface Attendee {
  name: string | null;
  email: string | null;
  phone: string | null;
  timeZone: string | null;
}

/** The host marked an attendee as not having come, or took it back. */
export interface NoShowNews {
  uid: string;
  attendees: Array<{ email: string; noShow: boolean }>;
}

/** What applying news did: `stored` changed something, `ignored` had nothing to change (or nothing of ours). */
export type NewsOutcome = 'stored' | 'ignored' | 'duplicate';

/** The company news is applied for: its timezone says which days' cached slots go stale. */
export interface NewsCompany {
  id: string;
  timezone: string;
}

export const TERMINAL = new Set(['cancelled', 'rejected', 'failed']);

/** Cal.com's addresses for attendees booked by phone only are no e-mail of theirs. */
export const realEmail = (email: string | null | undefined) =>
  email && !/@sms\.cal\.com$/i.test(email) ? email.toLowerCase() : null;
