import type { CalcomAccount } from '../calcom/calcom.types';
import type { OpeningHours } from '../tenants/branch.entity';
import type { Locale } from '../tenants/company.entity';

/** Everything a calendar operation needs to know about whom it works for. Plain data: any face can build it. */
export interface BookingScope {
  company: { id: string; timezone: string; locale: Locale };
  account: CalcomAccount;
  service: { id: string; name: string; calcomEventTypeId: number; durationMinutes: number; multiHost: boolean };
  /** The branch's hours; slots outside them are never offered. */
  openingHours: OpeningHours | null;
  /**
   * Who asks (the Retell call, else the customer or caller's number): the slot this holder holds is free for it and
   * taken for everyone else. Absent: every hold counts as someone else's.
   */
  holder?: string | null;
}

export interface Attendee {
  customerId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
}

export type Availability =
  | { kind: 'free'; instant: Date }
  | { kind: 'taken'; instant: Date; alternatives: Date[] }
  | { kind: 'days'; days: Array<{ day: string; slots: Date[] }> };
