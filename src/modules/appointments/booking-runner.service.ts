import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { CalcomSlotsService } from '../calcom/calcom-slots.service';
import { CalcomClient } from '../calcom/calcom.client';
import { CalcomError } from '../calcom/calcom.errors';
import type { CalcomBooking } from '../calcom/calcom.types';
import { Appointment } from './appointment.entity';
import { AppointmentClaimsService, ClaimValues } from './appointment-claims.service';
import { Attendee, BookingScope } from './appointments.types';
import { SlotLockService } from './slot-lock.service';

export interface BookingOutcome {
  appointment: Appointment;
  /** The answer to an earlier identical request, given again without asking Cal.com. */
  replayed: boolean;
}

/** How one claimed row reaches Cal.com, and how an earlier attempt of it is found again. */
export interface Upstream {
  send(): Promise<CalcomBooking>;
  lookup(): Promise<CalcomBooking | null>;
}

/**
 * Carries one claimed appointment row to Cal.com and mirrors the answer: the owner of a claim sends, a retry of an
 * uncertain attempt looks it up first, and a stale holder of a slot is settled by looking up its key.
 */
@Injectable()
export class BookingRunnerService {
  private readonly logger = new Logger(BookingRunnerService.name);

  constructor(
    private readonly claims: AppointmentClaimsService,
    private readonly client: CalcomClient,
    private readonly slots: CalcomSlotsService,
    private readonly locks: SlotLockService,
    @Inject(calcomConfig.KEY) private readonly config: CalcomConfig,
  ) {}

  async run(scope: BookingScope, values: ClaimValues, upstream: Upstream): Promise<BookingOutcome> {
    const claim = await this.claims.claim(values, (holder) => this.resolveHolder(scope, holder));
    if (!claim.owner) return { appointment: claim.row, replayed: true };
    const execute = () => this.execute(scope, claim.row, upstream, claim.reconcile);
    // Several hosts: the database cannot count how many bookings fit, so one request per slot at a time asks Cal.com.
    const appointment = scope.service.multiHost
      ? await this.locks.withLock(
          `slot:${scope.account.id}:${values.eventTypeId}:${values.start.toISOString()}`,
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

  /**
   * Returns the booking an earlier attempt made, or null after marking the row failed; throws (the row stays
   * uncertain) if Cal.com cannot say.
   */
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

  invalidate(scope: BookingScope, row: Appointment): Promise<void> {
    return this.slots.invalidate(scope.account, row.calcomEventTypeId, scope.company.timezone, [
      row.startAt,
      row.endAt,
    ]);
  }

  async findByKey(scope: BookingScope, start: Date, key: string): Promise<CalcomBooking | null> {
    const bookings = await this.client.findBookings(scope.account, {
      eventTypeId: scope.service.calcomEventTypeId,
      afterStart: new Date(start.getTime() - 60_000),
      beforeEnd: new Date(start.getTime() + (scope.service.durationMinutes + 24 * 60) * 60_000),
    });
    return bookings.find((booking) => booking.metadata.bookingKey === key) ?? null;
  }
}

/** The row a booking claims: who, what, when, and the key that makes a retry a replay. */
export function claimValues(
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
    holder: scope.holder ?? null,
  };
}
