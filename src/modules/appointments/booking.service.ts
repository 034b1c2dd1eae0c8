import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { CalcomEventTypesService } from '../calcom/calcom-event-types.service';
import { CalcomSlotsService } from '../calcom/calcom-slots.service';
import { CalcomClient } from '../calcom/calcom.client';
import { CalcomError } from '../calcom/calcom.errors';
import type { CalcomAccount, CalcomBooking } from '../calcom/calcom.types';
import { Appointment } from './appointment.entity';
import { AppointmentClaimsService, ClaimValues } from './appointment-claims.service';
import { Attendee, BookingScope } from './appointments.types';
import { AvailabilityService } from './availability.service';
import { SlotLockService } from './slot-lock.service';

export interface BookingOutcome {
  appointment: Appointment;
  /** The answer to an earlier identical request, given again without asking Cal.com. */
  replayed: boolean;
}

/** How one claimed row reaches Cal.com, and how an earlier attempt of it is found again. */
interface Upstream {
  send(): Promise<CalcomBooking>;
  lookup(): Promise<CalcomBooking | null>;
}

/** Books, moves and cancels appointments: Cal.com is the calendar, our rows mirror it and make retries safe. */
@Injectable()
export class BookingService {
  private readonly logger = new Logger(BookingService.name);

  constructor(
    private readonly claims: AppointmentClaimsService,
    private readonly client: CalcomClient,
    private readonly slots: CalcomSlotsService,
    private readonly locks: SlotLockService,
    private readonly availability: AvailabilityService,
    private readonly eventTypes: CalcomEventTypesService,
    @Inject(calcomConfig.KEY) private readonly config: CalcomConfig,
  ) {}

  /** Refuses, before anything is sent, a phone-only attendee for an event type that requires an e-mail. */
  async assertContactAccepted(scope: BookingScope, attendee: Pick<Attendee, 'email' | 'phone'>): Promise<void> {
    if (!attendee.email && !attendee.phone)
      throw new DomainError('CONTACT_REQUIRED', 'No e-mail address or phone number');
    if (!attendee.email && (await this.eventTypes.emailRequired(scope.account, scope.service.calcomEventTypeId))) {
      throw new DomainError('EMAIL_REQUIRED', 'This event type requires an e-mail address');
    }
  }

  /** Idempotent per key (call, service, start): a retry returns the first result and never books twice. */
  async book(
    scope: BookingScope,
    start: Date,
    attendee: Attendee,
    options: { key: string; callId: string | null; notes?: string | null },
  ): Promise<BookingOutcome> {
    this.availability.assertBookable(scope, start);
    await this.assertContactAccepted(scope, attendee);
    const values = this.claimValues(scope, start, attendee, { ...options, rescheduledFromId: null });
    const upstream: Upstream = {
      send: () =>
        this.client.createBooking(scope.account, {
          eventTypeId: scope.service.calcomEventTypeId,
          start,
          attendee: {
            name: attendee.name,
            timeZone: scope.company.timezone,
            language: scope.company.locale,
            ...(attendee.email ? { email: attendee.email } : {}),
            ...(attendee.phone ? { phoneNumber: attendee.phone } : {}),
          },
          bookingKey: options.key,
        }),
      lookup: () => this.findByKey(scope, start, options.key),
    };
    return this.run(scope, values, upstream);
  }

  /** Cal.com books the new time under a new uid and cancels the old one; our rows follow. */
  async reschedule(scope: BookingScope, old: Appointment, start: Date, callId: string | null): Promise<BookingOutcome> {
    const key = `reschedule:${old.id}:${start.toISOString()}`;
    const active = old.status === 'accepted' || old.status === 'pending';
    if (active && old.startAt.getTime() === start.getTime()) return { appointment: old, replayed: true };
    if (!active || !old.calcomBookingUid) {
      const earlier = await this.claims.findByKey(key);
      if (earlier && (earlier.status === 'accepted' || earlier.status === 'pending'))
        return { appointment: earlier, replayed: true };
      throw new DomainError('NOT_FOUND', 'Nothing to move');
    }
    this.availability.assertBookable(scope, start);
    const attendee = {
      customerId: old.customerId,
      name: old.attendeeName ?? '',
      email: old.attendeeEmail,
      phone: old.attendeePhone,
    };
    const values = this.claimValues(scope, start, attendee, {
      key,
      callId,
      notes: old.notes,
      rescheduledFromId: old.id,
    });
    const oldUid = old.calcomBookingUid;
    const upstream: Upstream = {
      send: () => this.moveUpstream(scope.account, oldUid, start),
      lookup: async () => {
        const previous = await this.client.getBooking(scope.account, oldUid);
        return previous.rescheduledToUid ? this.client.getBooking(scope.account, previous.rescheduledToUid) : null;
      },
    };
    const outcome = await this.run(scope, values, upstream);
    await this.claims.settle(old, { status: 'cancelled', cancellationReason: 'rescheduled' });
    await this.slots.invalidate(old.calcomEventTypeId, scope.company.timezone, [old.startAt]);
    return outcome;
  }

  /**
   * Moves a booking in Cal.com. If it was already moved elsewhere (Cal.com names the new uid), the newest booking is
   * the one the caller means: move that one.
   */
  private async moveUpstream(account: CalcomAccount, uid: string, start: Date): Promise<CalcomBooking> {
    try {
      return await this.client.rescheduleBooking(account, uid, start);
    } catch (error) {
      const next = error instanceof CalcomError && error.code === 'BOOKING_MOVED' ? error.detail.movedTo : undefined;
      if (!next) throw error;
      return this.client.rescheduleBooking(account, next, start);
    }
  }

  /** Safe to repeat: an appointment already cancelled (here or in Cal.com) is reported as such, not as an error. */
  async cancel(
    account: CalcomAccount,
    timeZone: string,
    appointment: Appointment,
    reason: string,
  ): Promise<'cancelled' | 'already-cancelled'> {
    if (appointment.status === 'cancelled' || appointment.status === 'rejected' || appointment.status === 'failed')
      return 'already-cancelled';
    if (appointment.status === 'booking' || appointment.status === 'uncertain')
      throw new DomainError('CALCOM_BUSY', 'The booking is still being made');
    if (appointment.calcomBookingUid) await this.cancelUpstream(account, appointment.calcomBookingUid, reason);
    await this.claims.settle(appointment, { status: 'cancelled', cancellationReason: reason });
    await this.slots.invalidate(appointment.calcomEventTypeId, timeZone, [appointment.startAt]);
    return 'cancelled';
  }

  private async cancelUpstream(account: CalcomAccount, uid: string, reason: string): Promise<void> {
    try {
      await this.client.cancelBooking(account, uid, reason);
    } catch (error) {
      if (error instanceof CalcomError && error.code === 'NOT_FOUND') return;
      // A cancel that timed out may have worked: ask before saying it failed.
      if (
        error instanceof CalcomError &&
        error.uncertain &&
        (await this.client.getBooking(account, uid).catch(() => null))?.status === 'cancelled'
      )
        return;
      throw error;
    }
  }

  private async run(scope: BookingScope, values: ClaimValues, upstream: Upstream): Promise<BookingOutcome> {
    const claim = await this.claims.claim(values, (holder) => this.resolveHolder(scope, holder));
    if (!claim.owner) return { appointment: claim.row, replayed: true };
    const execute = () => this.execute(scope, claim.row, upstream, claim.reconcile);
    // Several hosts: the database cannot count how many bookings fit, so one request per slot at a time asks Cal.com.
    const appointment = scope.service.multiHost
      ? await this.locks.withLock(
          `slot:${values.eventTypeId}:${values.start.toISOString()}`,
          this.claims.staleAfterMs,
          execute,
        )
      : await execute();
    return { appointment, replayed: false };
  }

  private async execute(
    scope: BookingScope,
    row: Appointment,
    upstream: Upstream,
    reconcile: boolean,
  ): Promise<Appointment> {
    if (reconcile) {
      const earlier = await this.lookupOrStayUncertain(row, upstream);
      if (earlier) return this.mirror(scope, row, earlier);
    }
    const started = Date.now();
    try {
      return await this.mirror(scope, row, await upstream.send());
    } catch (error) {
      if (!(error instanceof CalcomError) || !error.uncertain) {
        await this.claims.settle(row, { status: 'failed' });
        if (error instanceof DomainError && error.code === 'SLOT_TAKEN') await this.invalidate(scope, row);
        throw error;
      }
      await this.claims.settle(row, { status: 'uncertain' });
      // Cal.com may have booked. Look it up now if there is time left; otherwise the next retry looks first.
      if (Date.now() - started > this.config.timeoutMs / 2) throw error;
      const found = await this.lookupOrStayUncertain(row, upstream);
      if (found) return this.mirror(scope, row, found);
      throw error;
    }
  }

  /** Returns the booking an earlier attempt made, or null after marking the row failed; throws (row stays uncertain) if Cal.com cannot say. */
  private async lookupOrStayUncertain(row: Appointment, upstream: Upstream): Promise<CalcomBooking | null> {
    let found: CalcomBooking | null;
    try {
      found = await upstream.lookup();
    } catch (error) {
      await this.claims.settle(row, { status: 'uncertain' });
      throw error;
    }
    if (!found) await this.claims.settle(row, { status: 'failed' });
    return found;
  }

  /** A stale holder of a slot: settled by looking up its key. True when the slot turned out to be free. */
  private async resolveHolder(scope: BookingScope, holder: Appointment): Promise<boolean> {
    try {
      const found = await this.findByKey(scope, holder.startAt, holder.idempotencyKey);
      if (found) {
        await this.mirror(scope, holder, found);
        return found.status === 'cancelled' || found.status === 'rejected';
      }
      return this.claims.transition(holder, holder.status, 'failed');
    } catch (error) {
      this.logger.warn(
        { appointmentId: holder.id, error: (error as Error).message },
        'Could not settle a stale booking',
      );
      return false;
    }
  }

  private async mirror(scope: BookingScope, row: Appointment, booking: CalcomBooking): Promise<Appointment> {
    const settled = await this.claims.settle(row, {
      calcomBookingUid: booking.uid,
      status: booking.status,
      startAt: booking.start,
      endAt: booking.end,
    });
    await this.invalidate(scope, settled);
    return settled;
  }

  private invalidate(scope: BookingScope, row: Appointment): Promise<void> {
    return this.slots.invalidate(row.calcomEventTypeId, scope.company.timezone, [row.startAt, row.endAt]);
  }

  private async findByKey(scope: BookingScope, start: Date, key: string): Promise<CalcomBooking | null> {
    const bookings = await this.client.findBookings(scope.account, {
      eventTypeId: scope.service.calcomEventTypeId,
      afterStart: new Date(start.getTime() - 60_000),
      beforeEnd: new Date(start.getTime() + (scope.service.durationMinutes + 24 * 60) * 60_000),
    });
    return bookings.find((booking) => booking.metadata.bookingKey === key) ?? null;
  }

  private claimValues(
    scope: BookingScope,
    start: Date,
    attendee: Attendee,
    options: { key: string; callId: string | null; notes?: string | null; rescheduledFromId: string | null },
  ): ClaimValues {
    return {
      companyId: scope.company.id,
      customerId: attendee.customerId,
      serviceId: scope.service.id,
      callId: options.callId,
      eventTypeId: scope.service.calcomEventTypeId,
      start,
      end: new Date(start.getTime() + scope.service.durationMinutes * 60_000),
      singleHost: !scope.service.multiHost,
      idempotencyKey: options.key,
      attendeeName: attendee.name.slice(0, 200),
      attendeeEmail: attendee.email,
      attendeePhone: attendee.phone,
      notes: options.notes ?? null,
      rescheduledFromId: options.rescheduledFromId,
    };
  }
}
