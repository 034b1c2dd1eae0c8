import { Injectable } from '@nestjs/common';
import { CalcomHttpService, CalcomOperation } from './calcom-http.service';
import { CalcomError } from './calcom.errors';
import { parseBooking, parseBookings, parseEventType, parseEventTypeList, parseSlots } from './calcom.parse';
import type {
  BookingSearch,
  CalcomAccount,
  CalcomBooking,
  CalcomEventType,
  CalcomEventTypeSummary,
  NewBooking,
  SlotsByDay,
} from './calcom.types';

/** `cal-api-version` per endpoint (contracts/calcom.md). Without it Cal.com silently serves 2024-04-15 behaviour. */
export const CALCOM_API_VERSIONS = { slots: '2024-09-04', bookings: '2024-08-13', eventTypes: '2024-06-14' } as const;

/** The only code that speaks HTTP to Cal.com. Plain inputs in, our own types out, our own error codes on failure. */
@Injectable()
export class CalcomClient {
  constructor(private readonly http: CalcomHttpService) {}

  /** `bookingUidToReschedule`: that booking's own time counts as free, so it can move by less than its length. */
  async slots(
    account: CalcomAccount,
    query: { eventTypeId: number; start: Date; end: Date; timeZone: string; bookingUidToReschedule?: string },
  ): Promise<SlotsByDay> {
    const params = {
      eventTypeId: query.eventTypeId,
      start: query.start.toISOString(),
      end: query.end.toISOString(),
      timeZone: query.timeZone,
      ...(query.bookingUidToReschedule ? { bookingUidToReschedule: query.bookingUidToReschedule } : {}),
    };
    const data = await this.send(account, {
      name: 'slots',
      method: 'GET',
      path: '/v2/slots',
      version: CALCOM_API_VERSIONS.slots,
      params,
      idempotent: true,
    });
    return parseSlots(data);
  }

  async createBooking(account: CalcomAccount, booking: NewBooking): Promise<CalcomBooking> {
    const data = {
      start: booking.start.toISOString(),
      eventTypeId: booking.eventTypeId,
      attendee: booking.attendee,
      // Cal.com's metadata limits: 50 keys, keys up to 40 characters, values up to 500.
      metadata: { bookingKey: booking.bookingKey.slice(0, 500) },
      ...(booking.reservedSlotUid ? { reservedSlotUid: booking.reservedSlotUid } : {}),
    };
    return parseBooking(
      await this.send(account, {
        name: 'createBooking',
        method: 'POST',
        path: '/v2/bookings',
        version: CALCOM_API_VERSIONS.bookings,
        data,
        idempotent: false,
      }),
    );
  }

  async getBooking(account: CalcomAccount, uid: string): Promise<CalcomBooking> {
    const path = `/v2/bookings/${encodeURIComponent(uid)}`;
    return parseBooking(
      await this.send(account, {
        name: 'getBooking',
        method: 'GET',
        path,
        version: CALCOM_API_VERSIONS.bookings,
        idempotent: true,
      }),
    );
  }

  async findBookings(account: CalcomAccount, search: BookingSearch): Promise<CalcomBooking[]> {
    const params = {
      eventTypeId: String(search.eventTypeId),
      afterStart: search.afterStart.toISOString(),
      beforeEnd: search.beforeEnd.toISOString(),
      sortStart: 'asc',
      take: 100,
    };
    const data = await this.send(account, {
      name: 'findBookings',
      method: 'GET',
      path: '/v2/bookings',
      version: CALCOM_API_VERSIONS.bookings,
      params,
      idempotent: true,
    });
    return parseBookings(data);
  }

  /**
   * The upcoming bookings of these event types, whatever their status (a cancelled or moved one says so), soonest
   * first: what a reconciliation compares its rows with, in one request.
   */
  async upcomingBookings(
    account: CalcomAccount,
    search: { eventTypeIds: number[]; afterStart: Date; take: number },
  ): Promise<CalcomBooking[]> {
    const params = {
      eventTypeIds: search.eventTypeIds.join(','),
      afterStart: search.afterStart.toISOString(),
      sortStart: 'asc',
      take: search.take,
    };
    const data = await this.send(account, {
      name: 'upcomingBookings',
      method: 'GET',
      path: '/v2/bookings',
      version: CALCOM_API_VERSIONS.bookings,
      params,
      idempotent: true,
    });
    return parseBookings(data);
  }

  /**
   * Resolves when the booking is cancelled, including when it already was (Cal.com answers that with a 400). The
   * reason is required: our key belongs to the host, and core refuses a host's cancellation without one.
   */
  async cancelBooking(account: CalcomAccount, uid: string, reason: string): Promise<void> {
    const path = `/v2/bookings/${encodeURIComponent(uid)}/cancel`;
    const data = { cancellationReason: reason.slice(0, 500) };
    try {
      await this.send(account, {
        name: 'cancelBooking',
        method: 'POST',
        path,
        version: CALCOM_API_VERSIONS.bookings,
        data,
        idempotent: false,
      });
    } catch (error) {
      if (error instanceof CalcomError && error.code === 'ALREADY_CANCELLED') return;
      throw error;
    }
  }

  /** Cal.com makes a new booking with a new uid and cancels the old one. */
  async rescheduleBooking(account: CalcomAccount, uid: string, start: Date, reason?: string): Promise<CalcomBooking> {
    const path = `/v2/bookings/${encodeURIComponent(uid)}/reschedule`;
    const data = { start: start.toISOString(), ...(reason ? { reschedulingReason: reason } : {}) };
    return parseBooking(
      await this.send(account, {
        name: 'rescheduleBooking',
        method: 'POST',
        path,
        version: CALCOM_API_VERSIONS.bookings,
        data,
        idempotent: false,
      }),
    );
  }

  /** The event types the key's owner has (id, title, length): what an operator maps services to. */
  async eventTypes(account: CalcomAccount): Promise<CalcomEventTypeSummary[]> {
    const raw = await this.send(account, {
      name: 'eventTypes',
      method: 'GET',
      path: '/v2/event-types',
      version: CALCOM_API_VERSIONS.eventTypes,
      idempotent: true,
    });
    return parseEventTypeList(raw);
  }

  async eventType(account: CalcomAccount, id: number): Promise<CalcomEventType> {
    const path = `/v2/event-types/${id}`;
    return parseEventType(
      await this.send(account, {
        name: 'eventType',
        method: 'GET',
        path,
        version: CALCOM_API_VERSIONS.eventTypes,
        idempotent: true,
      }),
    );
  }

  private send(account: CalcomAccount, operation: CalcomOperation): Promise<unknown> {
    return this.http.send(account, operation);
  }
}
