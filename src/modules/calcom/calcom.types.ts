/** Our own view of Cal.com data: parsed at the client boundary, nothing else sees Cal.com's JSON. */
export type CalcomBookingStatus = 'accepted' | 'pending' | 'cancelled' | 'rejected';

export interface CalcomAccount {
  /** Derived from the base URL and key: breakers and caches are per account, never shared across accounts. */
  id: string;
  /** Logs and metrics name the company; the key is only ever put in the Authorization header. */
  companyId: string;
  /** The company's Cal.com: `https://api.cal.com`, `https://api.cal.eu` or a self-hosted one. */
  baseUrl: string;
  apiKey: string;
}

export interface CalcomBooking {
  uid: string;
  status: CalcomBookingStatus;
  start: Date;
  end: Date;
  eventTypeId: number | null;
  metadata: Record<string, string>;
  rescheduledToUid: string | null;
}

export interface NewBooking {
  eventTypeId: number;
  start: Date;
  attendee: { name: string; timeZone: string; email?: string; phoneNumber?: string; language?: string };
  /** Our idempotency key, so an uncertain outcome can be looked up later. */
  bookingKey: string;
  /** The hold this booking uses: Cal.com books it even though its slot list hides the held time. */
  reservedSlotUid?: string;
}

/** A slot Cal.com holds for us (`POST /v2/slots/reservations`). */
export interface CalcomReservation {
  uid: string;
  /** When Cal.com lets the hold go by itself. */
  until: Date;
}

export interface BookingSearch {
  eventTypeId: number;
  afterStart: Date;
  beforeEnd: Date;
}

/**
 * What we need of an event type: whether Cal.com refuses an attendee without e-mail, and whether it is seated (a
 * seated event type cannot be held: holds count as seats there, and its bookings skip the hold check).
 */
export interface CalcomEventType {
  id: number;
  emailRequired: boolean;
  seated: boolean;
}

export interface CalcomEventTypeSummary {
  id: number;
  title: string;
  slug: string | null;
  lengthInMinutes: number | null;
}

/** Free slot starts of one day (in the company's timezone), keyed `yyyy-MM-dd`. */
export type SlotsByDay = Map<string, Date[]>;
