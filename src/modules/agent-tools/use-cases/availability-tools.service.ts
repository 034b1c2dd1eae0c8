import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { BookingScope } from '../../appointments/appointments.types';
import { AvailabilityService } from '../../appointments/availability.service';
import type { CheckAvailabilityArgs, GetAlternativesArgs } from '../agent-tools.dto';
import type { ToolContext } from '../tool-context';
import type { ToolResult } from '../tool-results';
import { ToolScopeService, unsure } from './tool-scope.service';

/** Free times: is a time free, which times of a day are, and what else is near a time that is not. */
@Injectable()
export class AvailabilityToolsService {
  constructor(
    private readonly scopes: ToolScopeService,
    private readonly availability: AvailabilityService,
  ) {}

  async checkAvailability(context: ToolContext, args: CheckAvailabilityArgs): Promise<ToolResult> {
    const scope = await this.scopes.scope(context, args.service, args.branch);
    const when = this.scopes.when(context, { date: args.date, time: args.time }, scope.openingHours);
    if (when.kind === 'invalid' || when.kind === 'clarify') return unsure(when);
    const result = await this.availability.check(scope, when);
    if (result.kind === 'free') return { kind: 'free', start: result.instant };
    if (result.kind === 'taken') return this.taken(scope, result.instant, result.alternatives);
    if (result.days.some((day) => day.slots.length > 0)) return { kind: 'freeTimes', days: result.days };
    // Nothing on the days asked: the nearest free times after them.
    const firstDay = DateTime.fromISO(result.days[0].day, { zone: context.company.timezone }).set({ hour: 9 });
    const later = await this.availability.alternatives(scope, firstDay.toJSDate());
    return { kind: 'slotTaken', wanted: null, alternatives: later, days: result.days };
  }

  async getAlternatives(context: ToolContext, args: GetAlternativesArgs): Promise<ToolResult> {
    const scope = await this.scopes.scope(context, args.service);
    const when = this.scopes.when(context, { date: args.date, time: args.time }, scope.openingHours);
    const wanted = this.scopes.around(when, context.company.timezone);
    return { kind: 'slotTaken', wanted: null, alternatives: await this.availability.alternatives(scope, wanted) };
  }

  /** A taken time and the nearest free ones: those found with it, else a search around it. */
  async taken(scope: BookingScope, wanted: Date, found: Date[] = []): Promise<ToolResult> {
    const alternatives = found.length > 0 ? found : await this.availability.alternatives(scope, wanted);
    return { kind: 'slotTaken', wanted, alternatives };
  }
}
