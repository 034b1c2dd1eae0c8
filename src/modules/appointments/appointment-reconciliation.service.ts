import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalcomClient } from '../calcom/calcom.client';
import type { CalcomAccount, CalcomBooking } from '../calcom/calcom.types';
import type { Appointment } from './appointment.entity';
import { BookingState, NewsCompany } from './calcom-news';
import { CalcomNewsService } from './calcom-news.service';

/** News younger than this needs no asking while the company's webhooks flow. */
const FRESH_MS = 24 * 60 * 60 * 1000;
/** One page of upcoming bookings: a shorter one is all of them, so a row missing from it is gone. */
const PAGE = 100;
const MAX_HOPS = 5;

const stateOf = (booking: CalcomBooking, previousUid?: string): BookingState => ({
  uid: booking.uid,
  eventTypeId: booking.eventTypeId,
  status: booking.status,
  start: booking.start,
  end: booking.end,
  ...(previousUid ? { previousUid } : {}),
});

/**
 * Brings a caller's appointments in line with Cal.com, where the host or the caller may have cancelled, confirmed or
 * moved them: not at all while the company's webhooks flow and every row's news is fresh, otherwise with one list
 * request for all of them (never one per appointment: Cal.com allows 120 requests a minute per key).
 */
@Injectable()
export class AppointmentReconciliationService {
  private readonly logger = new Logger(AppointmentReconciliationService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: CalcomClient,
    private readonly news: CalcomNewsService,
  ) {}

  /** Whether these rows need asking Cal.com about. */
  needed(rows: Appointment[], webhooksFlowing: boolean, now = new Date()): boolean {
    const fresh = (row: Appointment) => row.lastNewsAt !== null && now.getTime() - row.lastNewsAt.getTime() < FRESH_MS;
    return rows.some((row) => row.calcomBookingUid !== null && !(webhooksFlowing && fresh(row)));
  }

  /** Reconciles the rows; true when Cal.com was asked (the caller reads its rows again). Never throws on an outage. */
  async reconcile(account: CalcomAccount, company: NewsCompany, rows: Appointment[], now = new Date()) {
    const known = rows.filter((row) => row.calcomBookingUid !== null);
    const eventTypeIds = [...new Set(known.map((row) => row.calcomEventTypeId))];
    let bookings: CalcomBooking[];
    try {
      bookings = await this.client.upcomingBookings(account, { eventTypeIds, afterStart: now, take: PAGE });
    } catch (error) {
      this.logger.warn(
        { error: (error as Error).message },
        'Could not reconcile with Cal.com; answering from our rows',
      );
      return false;
    }
    const byUid = new Map(bookings.map((booking) => [booking.uid, booking]));
    const states: BookingState[] = [];
    for (const row of known) {
      const state = await this.stateFor(account, row, byUid, bookings.length < PAGE);
      if (state) states.push(state);
    }
    // Cal.com is asked first, the rows written after: no request waits while a transaction holds the database.
    await this.dataSource.transaction(async (manager) => {
      for (const state of states) await this.news.apply(manager, company, state, 'reconciliation');
    });
    return true;
  }

  /** What Cal.com says of a row now; null when it cannot tell. */
  private async stateFor(
    account: CalcomAccount,
    row: Appointment,
    byUid: Map<string, CalcomBooking>,
    complete: boolean,
  ): Promise<BookingState | null> {
    const booking = byUid.get(row.calcomBookingUid!);
    // Upcoming, yet not among all upcoming bookings: deleted in Cal.com.
    if (!booking) return complete ? gone(row) : null;
    try {
      const latest = await this.follow(account, booking, byUid);
      return latest === booking ? stateOf(booking) : stateOf(latest, row.calcomBookingUid!);
    } catch {
      return null;
    }
  }

  /** The booking a moved one lives on in: from the page, or asked for when it lies beyond it. */
  private async follow(account: CalcomAccount, booking: CalcomBooking, byUid: Map<string, CalcomBooking>) {
    let current = booking;
    for (let hop = 0; hop < MAX_HOPS && current.rescheduledToUid; hop += 1)
      current =
        byUid.get(current.rescheduledToUid) ?? (await this.client.getBooking(account, current.rescheduledToUid));
    return current;
  }
}

const gone = (row: Appointment): BookingState => ({
  uid: row.calcomBookingUid!,
  eventTypeId: row.calcomEventTypeId,
  status: 'cancelled',
  start: row.startAt,
  end: row.endAt,
});
