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
}

export interface BookingSearch {
  eventTypeId: number;
  afterStart: Date;
  beforeEnd: Date;
}

/** What we need of an event type's booking fields: whether Cal.com refuses an attendee without e-mail. */
export interface CalcomEventType {
  id: number;
  emailRequired: boolean;
}

export interface CalcomEventTypeSummary {
  id: number;
  title: string;
  slug: string | null;
  lengthInMinutes: number | null;
}

/** Free slot starts of one day (in the company's timezone), keyed `yyyy-MM-dd`. */
export type SlotsByDay = Map<string, Date[]>;
