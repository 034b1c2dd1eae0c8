import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/domain-error';
import type { Appointment } from '../../appointments/appointment.entity';
import type { BookingScope } from '../../appointments/appointments.types';
import { BookingService } from '../../appointments/booking.service';
import type { BookAppointmentArgs, CollectAppointmentDataArgs } from '../agent-tools.dto';
import type { ToolContext } from '../tool-context';
import type { ToolResult } from '../tool-results';
import { AvailabilityToolsService, unbookable } from './availability-tools.service';
import { CallerToolsService } from './caller-tools.service';
import { holderOf, ToolScopeService } from './tool-scope.service';
import { SlotHoldsService } from '../../appointments/holds/slot-holds.service';

const isDomain = (error: unknown, code: DomainError['code']) => error instanceof DomainError && error.code === code;

/** Booking: checking a wished appointment and repeating it back, then booking it once, however often it is retried. */
@Injectable()
export class BookingToolsService {
  constructor(
    private readonly scopes: ToolScopeService,
    private readonly callers: CallerToolsService,
    private readonly free: AvailabilityToolsService,
    private readonly booking: BookingService,
    private readonly holds: SlotHoldsService,
  ) {}

  /**
   * The read-back: checks the wished time and holds it while the caller decides (their own earlier hold of it counts
   * as free: Cal.com's slot list hides a held time from its holder too). `declined`: the caller said no, the hold goes.
   */
  async collectAppointmentData(context: ToolContext, args: CollectAppointmentDataArgs): Promise<ToolResult> {
    if (args.confirm) return this.bookAppointment(context, args);
    const holder = holderOf(context);
    if (args.declined) {
      const released = holder ? await this.holds.releaseHolder(context.company.id, holder) : 0;
      return { kind: 'declined', released };
    }
    const scope = await this.scopes.scope(context, args.service);
    const exact = this.scopes.exact(this.scopes.when(context, args, scope.openingHours), false);
    const start = exact.instant;
    const mine = await this.holds.mine(scope, start);
    const looked = mine ? null : await this.free.look(context, scope, exact);
    if (looked && looked.kind !== 'free') return looked;
    // Asked before the caller agrees, so a confirmed booking never fails for want of an e-mail address.
    const contact = { email: args.email ?? context.customer?.email ?? null, phone: args.phone ?? context.callerNumber };
    const refused = await this.booking.assertContactAccepted(scope, contact).then(
      () => null,
      (error: unknown) => error,
    );
    if (isDomain(refused, 'EMAIL_REQUIRED')) return { kind: 'needEmail' };
    if (refused) throw refused;
    const held = mine ? { kind: 'held' as const, hold: mine } : await this.holds.hold(scope, start);
    if (held.kind === 'taken') return this.free.unavailable(context, scope, { instant: start, day: exact.day });
    const heldUntil = held.kind === 'held' ? held.hold.expiresAt : null;
    return { kind: 'confirmBooking', start, service: scope.service.name, name: args.name, heldUntil };
  }

  /** Books, with the caller's hold of that time when there is one; whatever else the caller held goes. */
  async bookAppointment(context: ToolContext, args: BookAppointmentArgs): Promise<ToolResult> {
    const scope = await this.scopes.scope(context, args.service);
    const when = this.scopes.when(context, { date: args.date, time: args.time, start: args.start }, scope.openingHours);
    const { instant: start, day } = this.scopes.exact(when, true);
    const [attendee, hold] = await Promise.all([this.callers.attendee(context, args), this.holds.mine(scope, start)]);
    // One booking per call, service and time: Retell's retries and a repeated MCP call find the first one.
    const key = `${context.retellCallId ?? `customer-${attendee.customerId}`}:${scope.service.id}:${start.toISOString()}`;
    try {
      const { appointment } = await this.booking.book(scope, start, attendee, {
        key,
        callId: context.callId,
        notes: args.notes,
        reservedSlotUid: hold?.reservationUid,
      });
      await (hold
        ? this.holds.used(scope, hold)
        : scope.holder && this.holds.releaseHolder(scope.company.id, scope.holder));
      return booked(scope, appointment, false);
    } catch (error) {
      if (unbookable(error)) {
        if (hold) await this.holds.releaseHolder(scope.company.id, scope.holder!);
        return this.free.unavailable(context, scope, { instant: start, day });
      }
      if (isDomain(error, 'EMAIL_REQUIRED')) return { kind: 'needEmail' };
      throw error;
    }
  }
}

export function booked(
  scope: BookingScope,
  appointment: Appointment,
  moved: boolean,
  previous?: Date,
): Extract<ToolResult, { kind: 'booked' }> {
  const status = appointment.status === 'pending' ? 'requested' : 'confirmed';
  const view = { id: appointment.originId, service: scope.service.name, start: appointment.startAt, status } as const;
  return { kind: 'booked', appointment: view, moved, ...(previous ? { previous } : {}) };
}
