import { Injectable } from '@nestjs/common';
import { CacheService } from '../../cache/cache.service';
import { CalcomClient } from './calcom.client';
import type { CalcomAccount } from './calcom.types';

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
      const type = await this.cache.wrap(`calcom:event-type:${account.id}:${eventTypeId}`, TTL_MS, () =>
        this.client.eventType(account, eventTypeId),
      );
      return type.emailRequired;
    } catch {
      return true;
    }
  }
}
