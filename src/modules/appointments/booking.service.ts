import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { CalcomEventTypesService } from '../calcom/calcom-event-types.service';
import { CalcomSlotsService } from '../calcom/calcom-slots.service';
import { CalcomClient } from '../calcom/calcom.client';
import { CalcomError } from '../calcom/calcom.errors';
import type { CalcomAccount, CalcomBooking } from '../calcom/calcom.types';
import { Appointment } from './appointment.entity';
import { AppointmentClaimsService } from './appointment-claims.service';
import { BookingOutcome, BookingRunnerService, claimValues, Upstream } from './booking-runner.service';
import { Attendee, BookingScope } from './appointments.types';
import { AvailabilityService } from './availability.service';

/** Books, moves and cancels appointments: Cal.com is the calendar, our rows mirror it and make retries safe. */
@Injectable()
export class BookingService {
  constructor(
    private readonly claims: AppointmentClaimsService,
    private readonly runner: BookingRunnerService,
    private readonly client: CalcomClient,
    private readonly slots: CalcomSlotsService,
    private readonly availability: AvailabilityService,
    private readonly eventTypes: CalcomEventTypesService,
  ) {}

  /** Refuses, before anything is sent, a phone-only attendee for an event type that requires an e-mail. */
  async assertContactAccepted(scope: BookingScope, attendee: Pick<Attendee, 'email' | 'phone'>): Promise<void> {
    if (!attendee.email && !attendee.phone)
      throw new DomainError('CONTACT_REQUIRED', 'No e-mail address or phone number');
    if (!attendee.email && (await this.eventTypes.emailRequired(scope.account, scope.service.calcomEventTypeId))) {
      throw new DomainError('EMAIL_REQUIRED', 'This event type requires an e-mail address');
    }
  }

  /**
   * Idempotent per key (call, service, start): a retry returns the first result and never books twice. With the
   * caller's hold (`reservedSlotUid`), Cal.com books the time its slot list hides while held.
   */
  async book(
    scope: BookingScope,
    start: Date,
    attendee: Attendee,
    options: { key: string; callId: string | null; notes?: string | null; reservedSlotUid?: string | null },
  ): Promise<BookingOutcome> {
    this.availability.assertBookable(scope, start);
    await this.assertContactAccepted(scope, attendee);
    const values = claimValues(scope, start, attendee, { ...options, rescheduledFromId: null });
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
          ...(options.reservedSlotUid ? { reservedSlotUid: options.reservedSlotUid } : {}),
        }),
      lookup: () => this.runner.findByKey(scope, start, options.key),
    };
    return this.runner.run(scope, values, upstream);
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
    const values = claimValues(scope, start, attendee, {
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
    const outcome = await this.runner.run(scope, values, upstream);
    await this.claims.settle(old, { status: 'cancelled', cancellationReason: 'rescheduled' });
    await this.slots.invalidate(scope.account, old.calcomEventTypeId, scope.company.timezone, [old.startAt]);
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
    await this.slots.invalidate(account, appointment.calcomEventTypeId, timeZone, [appointment.startAt]);
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
}

export type { BookingOutcome };
