import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DomainError } from '../../common/domain-error';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { CalcomSlotsService } from '../calcom/calcom-slots.service';
import { Availability, BookingScope } from './appointments.types';
import {
  bookingWindowEnd,
  nearest,
  openingWindows,
  periodWindow,
  pickAlternatives,
  withinWindows,
} from './slot-picking';
import { Period, todayAndTomorrow, When } from './when';
import { asHeld, HeldSlotsView, HeldSplit } from './holds/held-slots';
import type { Rules } from './unavailable';

/** Whether a slot starts inside a part of its day (hours in the company's timezone). */
function inPeriodOf(slot: Date, period: Period, zone: string): boolean {
  const local = DateTime.fromJSDate(slot, { zone });
  const hour = local.hour + local.minute / 60;
  return hour >= period.from && hour < period.to;
}

/** Free times for a service: from Cal.com's slots (cached), within opening hours, never in the past. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly slots: CalcomSlotsService,
    private readonly holds: HeldSlotsView,
    @Inject(calcomConfig.KEY) private readonly config: CalcomConfig,
  ) {}

  /** A time: free or not (with the nearest free ones). A day: its free slots. Nothing: today and tomorrow, fetched in parallel. */
  async check(scope: BookingScope, when: When, now = new Date(), moving?: string): Promise<Availability> {
    if (when.kind === 'invalid' || when.kind === 'clarify')
      throw new DomainError('INVALID_INPUT', 'Unreadable date or time');
    if (when.kind === 'instant') {
      this.assertBookable(scope, when.instant, now);
      const slots = await this.daySlots(scope, when.day, now, undefined, moving);
      if (slots.some((slot) => slot.getTime() === when.instant.getTime()))
        return { kind: 'free', instant: when.instant };
      return { kind: 'taken', instant: when.instant, alternatives: nearest(slots, when.instant, 3) };
    }
    const days = when.kind === 'day' ? [when.day] : todayAndTomorrow(scope.company.timezone, now);
    if (when.kind === 'day')
      this.assertBookable(
        scope,
        DateTime.fromISO(when.day, { zone: scope.company.timezone }).endOf('day').toJSDate(),
        now,
      );
    const period = when.kind === 'day' ? when.period : undefined;
    const lists = await Promise.all(days.map((day) => this.daySlots(scope, day, now, period)));
    return { kind: 'days', days: days.map((day, index) => ({ day, slots: lists[index] })) };
  }

  /**
   * Up to three free times near the wanted one: same day earlier and later, then the following days in the window.
   * With a part of the day ("nachmittags") only times in that part of each day, unless none is.
   */
  async alternatives(scope: BookingScope, wanted: Date, now = new Date(), period?: Period): Promise<Date[]> {
    const zone = scope.company.timezone;
    const day = DateTime.fromJSDate(wanted, { zone });
    const sameDay = await this.daySlots(scope, day.toISODate()!, now);
    const inPeriod = (slots: Date[]) => (period ? slots.filter((slot) => inPeriodOf(slot, period, zone)) : slots);
    const picked = pickAlternatives(inPeriod(sameDay), [], wanted, zone);
    if (picked.length >= 3) return picked;
    const lastDay = DateTime.fromMillis(this.windowEnd(scope, now), { zone });
    const laterDays = day >= lastDay.startOf('day') ? [] : await this.laterDays(scope, day, lastDay, now);
    const inPart = pickAlternatives(inPeriod(sameDay), laterDays.map(inPeriod), wanted, zone);
    return inPart.length > 0 || !period ? inPart : pickAlternatives(sameDay, laterDays, wanted, zone);
  }

  /** Each day's usable slots after `day` up to the window's last day. */
  private async laterDays(scope: BookingScope, day: DateTime, lastDay: DateTime, now: Date): Promise<Date[][]> {
    const [following, held] = await Promise.all([
      this.slots.days(this.query(scope), day.plus({ days: 1 }).toISODate()!, lastDay.toISODate()!),
      this.held(scope),
    ]);
    return [...following.entries()].map(([later, slots]) =>
      this.usable(scope, this.asHeld(scope, later, slots, held), now),
    );
  }

  /** What decides why a time has nothing: timezone, opening hours, the service's length, the window, now. */
  rules(scope: BookingScope, now = new Date()): Rules {
    const { timezone: zone } = scope.company;
    const { durationMinutes } = scope.service;
    return { zone, hours: scope.openingHours, durationMinutes, windowEnd: this.windowEnd(scope, now), now };
  }

  /** The booking window's last instant for this company (epoch ms). */
  windowEnd(scope: BookingScope, now = new Date()): number {
    return bookingWindowEnd(scope.company.timezone, this.config.bookingWindowDays, now);
  }

  private async daySlots(
    scope: BookingScope,
    day: string,
    now: Date,
    period?: Period,
    moving?: string,
  ): Promise<Date[]> {
    const [slots, held] = await Promise.all([
      this.slots.day({ ...this.query(scope), bookingUidToReschedule: moving }, day),
      this.held(scope),
    ]);
    const window = periodWindow(day, period, scope.company.timezone);
    const inPeriod = (slot: Date) => !window || (slot.getTime() >= window[0] && slot.getTime() < window[1]);
    return this.usable(scope, this.asHeld(scope, day, slots, held), now).filter(inPeriod);
  }

  /** Who holds what of this event type: others' holds are taken for this caller, its own hold is free. */
  private held(scope: BookingScope): Promise<HeldSplit> {
    return this.holds.split(scope.company.id, scope.service.calcomEventTypeId, scope.holder);
  }

  private asHeld(scope: BookingScope, day: string, slots: Date[], held: HeldSplit): Date[] {
    if (held.others.length === 0 && held.mine.length === 0) return slots;
    const from = DateTime.fromISO(day, { zone: scope.company.timezone });
    const to = from.plus({ days: 1 });
    return asHeld(slots, held, scope.service.durationMinutes, from.toMillis(), to.toMillis());
  }

  private usable(scope: BookingScope, slots: Date[], now: Date): Date[] {
    if (slots.length === 0) return slots;
    const zone = scope.company.timezone;
    const times = slots.map((slot) => slot.getTime());
    const windows = openingWindows(
      scope.openingHours,
      zone,
      new Date(Math.min(...times)),
      new Date(Math.max(...times)),
    );
    return slots.filter((slot) => slot > now && withinWindows(slot, scope.service.durationMinutes, windows));
  }

  /** In the future and inside the booking window, or a DomainError the caller can be told. */
  assertBookable(scope: BookingScope, instant: Date, now = new Date()): void {
    if (instant <= now) throw new DomainError('IN_THE_PAST', 'That time has passed');
    if (instant.getTime() > this.windowEnd(scope, now))
      throw new DomainError('OUT_OF_WINDOW', 'Beyond the booking window');
  }

  private query(scope: BookingScope) {
    return { account: scope.account, eventTypeId: scope.service.calcomEventTypeId, timeZone: scope.company.timezone };
  }
}
