import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CacheService } from '../../cache/cache.service';
import { Derived } from '../../common/remember';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { CalcomClient } from './calcom.client';
import type { CalcomAccount, SlotsByDay } from './calcom.types';

export interface SlotsQuery {
  account: CalcomAccount;
  eventTypeId: number;
  timeZone: string;
  /** Moving this booking: its own time is free. Such answers are per booking, so they bypass the shared cache. */
  bookingUidToReschedule?: string;
}

/**
 * The cache key of one event type's free slots over a range of days (days in the company's timezone), per Cal.com
 * account: two Cal.com instances can both have an event type 1001.
 */
const slotsCacheKey = (account: Pick<CalcomAccount, 'id'>, eventTypeId: number, start: string, end: string) =>
  `calcom:slots:${account.id}:${eventTypeId}:${start}:${end}`;

/**
 * The instants of a cached day, parsed once per stored list rather than on every check that reads it (24 dates a day
 * for half-hour slots). Callers read these arrays and never change them.
 */
const parsed = new Derived<string, string[], Date[]>(10_000);
const toInstants = (key: string, slots: string[]): Date[] =>
  parsed.get(key, slots, () => slots.map((slot) => new Date(slot)));

/**
 * Free slots with a short-lived cache (Redis when configured, so every instance shares it). Entries are stored per
 * day, so a booking invalidates exactly the days it touches, whatever range was fetched.
 */
@Injectable()
export class CalcomSlotsService {
  constructor(
    private readonly client: CalcomClient,
    private readonly cache: CacheService,
    @Inject(calcomConfig.KEY) private readonly config: CalcomConfig,
  ) {}

  /** One day's slots. Concurrent requests for the same day share one upstream request. */
  async day(query: SlotsQuery, day: string): Promise<Date[]> {
    if (query.bookingUidToReschedule) return (await this.fetch(query, day, day)).get(day) ?? [];
    const key = slotsCacheKey(query.account, query.eventTypeId, day, day);
    const slots = await this.cache.wrap(key, this.config.slotsTtlMs, async () => {
      const fetched = await this.fetch(query, day, day);
      return (fetched.get(day) ?? []).map((slot) => slot.toISOString());
    });
    return toInstants(key, slots);
  }

  /** Several days in one upstream request, unless every one of them is cached already. */
  async days(query: SlotsQuery, from: string, to: string): Promise<SlotsByDay> {
    const days = dayRange(from, to, query.timeZone);
    const keys = days.map((day) => slotsCacheKey(query.account, query.eventTypeId, day, day));
    const cached = await Promise.all(keys.map((key) => this.cache.get<string[]>(key)));
    if (cached.every((slots) => slots !== undefined)) {
      return new Map(days.map((day, index) => [day, toInstants(keys[index], cached[index]!)]));
    }
    const fetched = await this.fetch(query, from, to);
    const result: SlotsByDay = new Map(days.map((day) => [day, fetched.get(day) ?? []]));
    await Promise.all(
      days.map((day) =>
        this.cache.set(
          slotsCacheKey(query.account, query.eventTypeId, day, day),
          result.get(day)!.map((slot) => slot.toISOString()),
          this.config.slotsTtlMs,
        ),
      ),
    );
    return result;
  }

  /** After a booking, cancellation or move: the days these instants fall on are fetched fresh next time. */
  async invalidate(account: CalcomAccount, eventTypeId: number, timeZone: string, instants: Date[]): Promise<void> {
    const days = new Set(instants.map((instant) => DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!));
    await this.cache.del(...[...days].map((day) => slotsCacheKey(account, eventTypeId, day, day)));
  }

  private fetch(query: SlotsQuery, from: string, to: string): Promise<SlotsByDay> {
    const start = DateTime.fromISO(from, { zone: query.timeZone }).startOf('day').toJSDate();
    const end = DateTime.fromISO(to, { zone: query.timeZone }).endOf('day').toJSDate();
    const { account, eventTypeId, timeZone, bookingUidToReschedule } = query;
    return this.client.slots(account, { eventTypeId, start, end, timeZone, bookingUidToReschedule });
  }
}

function dayRange(from: string, to: string, timeZone: string): string[] {
  const days: string[] = [];
  const last = DateTime.fromISO(to, { zone: timeZone });
  for (
    let day = DateTime.fromISO(from, { zone: timeZone });
    day <= last && days.length < 366;
    day = day.plus({ days: 1 })
  ) {
    days.push(day.toISODate()!);
  }
  return days;
}
