import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/domain-error';
import { DateTime } from 'luxon';
import type { BookingScope } from '../../appointments/appointments.types';
import { AppointmentsService } from '../../appointments/appointments.service';
import { AvailabilityService } from '../../appointments/availability.service';
import { Asked, Why, whyNot } from '../../appointments/unavailable';
import type { When } from '../../appointments/when';
import type { CheckAvailabilityArgs, GetAlternativesArgs } from '../agent-tools.dto';
import type { ToolContext } from '../tool-context';
import type { FreeDay, ToolResult, Unavailable } from '../tool-results';
import { ToolScopeService, unsure } from './tool-scope.service';

/** Cal.com's or the window's refusals of a time: each has a reason to say and other times to offer. */
const UNBOOKABLE: readonly string[] = ['SLOT_TAKEN', 'IN_THE_PAST', 'OUT_OF_WINDOW'];
export const unbookable = (error: unknown): error is DomainError =>
  error instanceof DomainError && UNBOOKABLE.includes(error.code);

type Looked = Extract<ToolResult, { kind: 'free' | 'freeTimes' | 'unavailable' }>;
type UnavailableResult = Extract<ToolResult, { kind: 'unavailable' }>;

const askedOf = (when: When): Asked | null =>
  when.kind === 'instant'
    ? { instant: when.instant, day: when.day }
    : when.kind === 'day'
      ? { day: when.day, period: when.period }
      : null;

/**
 * Free times: is a time free, which times of a day are, what else is near, and why there is nothing where the caller
 * asked (passed, beyond the window, closed, taken, full, or their own appointment), with what there is instead.
 */
@Injectable()
export class AvailabilityToolsService {
  constructor(
    private readonly scopes: ToolScopeService,
    private readonly availability: AvailabilityService,
    private readonly appointments: AppointmentsService,
  ) {}

  async checkAvailability(context: ToolContext, args: CheckAvailabilityArgs): Promise<ToolResult> {
    const scope = await this.scopes.scope(context, args.service, args.branch);
    const when = this.scopes.when(context, { date: args.date, time: args.time }, scope.openingHours);
    if (when.kind === 'invalid' || when.kind === 'clarify') return unsure(when);
    return this.look(context, scope, when);
  }

  async getAlternatives(context: ToolContext, args: GetAlternativesArgs): Promise<ToolResult> {
    const scope = await this.scopes.scope(context, args.service);
    const when = this.scopes.when(context, { date: args.date, time: args.time }, scope.openingHours);
    if (when.kind === 'invalid' || when.kind === 'clarify') return unsure(when);
    const now = new Date();
    const near = when.kind === 'none' ? null : this.scopes.around(when, context.company.timezone);
    const period = when.kind === 'day' ? when.period : undefined;
    const alternatives = await this.availability.alternatives(scope, near ?? now, now, period);
    if (alternatives.length > 0) return { kind: 'alternatives', near, alternatives };
    return this.unavailable(context, scope, askedOf(when) ?? { day: dayOf(now, scope) }, now);
  }

  /** A time: free, or why not and the nearest others. A day (or none): its free times, or why none. */
  async look(context: ToolContext, scope: BookingScope, when: When, moving?: string): Promise<Looked> {
    const now = new Date();
    const asked = askedOf(when);
    const early = asked && this.beforeCalcom(scope, asked, now);
    if (early) return this.unavailable(context, scope, asked, now, [], early);
    const result = await this.availability.check(scope, when, now, moving);
    if (result.kind === 'free') return { kind: 'free', start: result.instant };
    if (result.kind === 'taken') return this.unavailable(context, scope, asked!, now, result.alternatives);
    if (result.days.some((day) => day.slots.length > 0))
      return { kind: 'freeTimes', days: result.days, period: when.kind === 'day' ? when.period : undefined };
    return this.unavailable(context, scope, asked ?? { day: result.days[0].day }, now, [], undefined, result.days);
  }

  /** Passed or beyond the window: known without asking Cal.com (a time inside both costs two comparisons). */
  private beforeCalcom(scope: BookingScope, asked: Asked, now: Date): Why | null {
    const at = asked.instant?.getTime();
    if (at !== undefined && at > now.getTime() && at <= this.availability.windowEnd(scope, now)) return null;
    const why = whyNot(asked, this.availability.rules(scope, now));
    return why.reason === 'past' || why.reason === 'beyondWindow' ? why : null;
  }

  /** A time the caller cannot have, why, and the nearest free ones (those found with it, else a search). */
  async unavailable(
    context: ToolContext,
    scope: BookingScope,
    asked: Asked,
    now = new Date(),
    found: Date[] = [],
    known?: Why,
    days?: FreeDay[],
  ): Promise<UnavailableResult> {
    const why: Unavailable =
      known ?? (await this.yours(context, asked)) ?? whyNot(asked, this.availability.rules(scope, now));
    const base = {
      kind: 'unavailable',
      wanted: asked.instant ?? null,
      day: asked.day,
      period: asked.period,
      why,
    } as const;
    if (why.reason === 'yours') return { ...base, alternatives: [], days };
    const around = this.around(scope, asked, why, now);
    const alternatives =
      found.length > 0 && why.reason !== 'closedHours'
        ? found
        : await this.availability.alternatives(scope, around, now, asked.period);
    return { ...base, alternatives, days };
  }

  /** Where to look instead: the time asked; for a past one the same time ahead, beyond the window its last day. */
  private around(scope: BookingScope, asked: Asked, why: Why, now: Date): Date {
    const zone = scope.company.timezone;
    const wanted = asked.instant
      ? DateTime.fromJSDate(asked.instant, { zone })
      : DateTime.fromISO(asked.day, { zone }).set({ hour: asked.period?.from ?? 9 });
    if (why.reason === 'beyondWindow') {
      const last = DateTime.fromISO(why.lastDay, { zone });
      return wanted.set({ year: last.year, month: last.month, day: last.day }).toJSDate();
    }
    if (why.reason !== 'past') return wanted.toJSDate();
    const today = DateTime.fromJSDate(now, { zone });
    const sameTime = wanted.set({ year: today.year, month: today.month, day: today.day });
    return (sameTime > today ? sameTime : sameTime.plus({ days: 1 })).toJSDate();
  }

  /** The caller's own appointment at exactly that time: asking for it again is not "taken". */
  private async yours(context: ToolContext, asked: Asked): Promise<Unavailable | null> {
    const { company, customer } = context;
    if (!asked.instant || !customer) return null;
    const rows = await this.appointments.findForCaller(company.id, customer.id, {
      day: asked.day,
      timeZone: company.timezone,
    });
    const mine = rows.find((row) => row.startAt.getTime() === asked.instant!.getTime());
    if (!mine) return null;
    return {
      reason: 'yours',
      appointment: { id: mine.originId, service: mine.service?.name ?? null, start: mine.startAt },
    };
  }
}

const dayOf = (now: Date, scope: BookingScope) =>
  DateTime.fromJSDate(now, { zone: scope.company.timezone }).toISODate()!;
