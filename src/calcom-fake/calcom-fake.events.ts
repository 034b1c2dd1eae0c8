import type { FakeCalendar } from './calcom-fake.calendar';
import { bookingPayload, FakeTrigger, noShowPayload } from './calcom-fake.payloads';
import type { FakeBooking } from './calcom-fake.schedule';
import { bad } from './calcom-fake.texts';
import type { FakeWebhooks } from './calcom-fake.webhooks';

/**
 * What happens to the fake's bookings, whoever does it, announced to its webhook subscribers as Cal.com does: through
 * the API (the gateway), on the booking page, through the links in Cal.com's e-mails, or by the host in Cal.com.
 */
export class FakeBookingEvents {
  constructor(
    private readonly calendar: FakeCalendar,
    private readonly webhooks: FakeWebhooks,
  ) {}

  created(booking: FakeBooking): FakeBooking {
    this.announce(booking.status === 'pending' ? 'BOOKING_REQUESTED' : 'BOOKING_CREATED', booking);
    return booking;
  }

  cancelled(booking: FakeBooking, cancelledBy = 'host@example.com'): FakeBooking {
    this.announce('BOOKING_CANCELLED', booking, {
      cancellationReason: booking.cancellationReason ?? null,
      cancelledBy,
      requestReschedule: false,
    });
    return booking;
  }

  rescheduled(moved: FakeBooking, rescheduledBy: string): FakeBooking {
    const old = this.calendar.find(moved.rescheduledFromUid!);
    this.announce('BOOKING_RESCHEDULED', moved, {
      rescheduleId: old.id,
      rescheduleUid: old.uid,
      rescheduleStartTime: old.start.toISOString(),
      rescheduleEndTime: old.end.toISOString(),
      rescheduledBy,
    });
    return moved;
  }

  /** A caller books on the company's Cal.com page. */
  bookOnline(input: { eventTypeId: number; start: Date; name: string; email?: string; phone?: string }): FakeBooking {
    const attendee = { name: input.name, timeZone: 'Europe/Berlin', email: input.email, phoneNumber: input.phone };
    return this.created(
      this.calendar.create({ eventTypeId: input.eventTypeId, start: input.start.toISOString(), attendee }),
    );
  }

  /** The attendee moves the booking through the link in Cal.com's confirmation e-mail. */
  rescheduleByLink(uid: string, start: Date): FakeBooking {
    const moved = this.calendar.reschedule(uid, { start: start.toISOString() });
    return this.rescheduled(moved, this.calendar.find(uid).attendee.email);
  }

  /** The host cancels in Cal.com. */
  cancelByHost(uid: string, reason: string): FakeBooking {
    return this.cancelled(this.calendar.cancel(uid, { cancellationReason: reason }));
  }

  /** The host confirms a requested booking: Cal.com announces it as created. */
  confirm(uid: string): FakeBooking {
    const booking = this.pending(uid);
    booking.status = 'accepted';
    return this.created(booking);
  }

  /** The host rejects a requested booking. */
  reject(uid: string, reason: string): FakeBooking {
    const booking = this.pending(uid);
    booking.status = 'rejected';
    this.announce('BOOKING_REJECTED', booking, { rejectionReason: reason });
    return booking;
  }

  /** The host marks the attendee as not having come (or takes it back). */
  markNoShow(uid: string, noShow = true): void {
    this.webhooks.notify('BOOKING_NO_SHOW_UPDATED', noShowPayload(this.calendar.find(uid), noShow));
  }

  private pending(uid: string): FakeBooking {
    const booking = this.calendar.find(uid);
    if (booking.status !== 'pending') throw bad(`Booking ${uid} is not waiting for confirmation`);
    return booking;
  }

  private announce(trigger: FakeTrigger, booking: FakeBooking, extra: Record<string, unknown> = {}): void {
    this.webhooks.notify(trigger, bookingPayload(booking, this.calendar.eventType(booking.eventTypeId), extra));
  }
}
