import { Injectable } from '@nestjs/common';
import { CacheService } from '../../cache/cache.service';
import { CalcomClient } from './calcom.client';
import type { CalcomAccount, CalcomEventType } from './calcom.types';

/** Booking fields change rarely; an hour keeps them fresh enough and saves a request per booking. */
const TTL_MS = 60 * 60 * 1000;

/** What an event type demands of an attendee, read through Cal.com and cached (Redis when configured). */
@Injectable()
export class CalcomEventTypesService {
  constructor(
    private readonly client: CalcomClient,
    private readonly cache: CacheService,
  ) {}

  /**
   * Whether Cal.com refuses this event type's bookings without an e-mail address. API v2 hands core an empty e-mail
   * for phone-only attendees, which only event types configured for phone-only booking accept. When Cal.com cannot
   * say, the answer is yes: asking the caller for an e-mail is better than a booking that fails after they agreed.
   */
  async emailRequired(account: CalcomAccount, eventTypeId: number): Promise<boolean> {
    try {
      return (await this.read(account, eventTypeId)).emailRequired;
    } catch {
      return true;
    }
  }

  /**
   * Whether Cal.com's slot holds work for this event type: not for a seated one (holds count as seats there, and its
   * bookings skip the hold check). When Cal.com cannot say, no: the read-back then proceeds without a hold.
   */
  async holdable(account: CalcomAccount, eventTypeId: number): Promise<boolean> {
    try {
      return (await this.read(account, eventTypeId)).seated !== true;
    } catch {
      return false;
    }
  }

  private read(account: CalcomAccount, eventTypeId: number): Promise<CalcomEventType> {
    return this.cache.wrap(`calcom:event-type:${account.id}:${eventTypeId}`, TTL_MS, () =>
      this.client.eventType(account, eventTypeId),
    );
  }
}
