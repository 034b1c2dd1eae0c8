import { Injectable } from '@nestjs/common';
import { CALCOM_API_VERSIONS } from './calcom.client';
import { CalcomHttpService } from './calcom-http.service';
import { parseReservation } from './calcom.parse';
import type { CalcomAccount, CalcomReservation } from './calcom.types';

/** Cal.com's default hold (apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts). */
export const CALCOM_DEFAULT_HOLD_MINUTES = 5;

/**
 * Slot reservations (`/v2/slots/reservations`, cal-api-version 2024-09-04; contracts/calcom.md): a held slot is hidden
 * from every caller's slot list, and a booking naming its uid (`reservedSlotUid`) is the one Cal.com lets through.
 */
@Injectable()
export class CalcomReservationsClient {
  constructor(private readonly http: CalcomHttpService) {}

  /**
   * Holds a slot. A length other than Cal.com's default is sent as `reservationDuration`, which Cal.com accepts only
   * from a key of the event type's owner or team (ours is). A slot already booked or held answers 422: SLOT_TAKEN.
   */
  async reserve(account: CalcomAccount, hold: { eventTypeId: number; start: Date; minutes: number }) {
    const data = {
      eventTypeId: hold.eventTypeId,
      slotStart: hold.start.toISOString(),
      ...(hold.minutes === CALCOM_DEFAULT_HOLD_MINUTES ? {} : { reservationDuration: hold.minutes }),
    };
    const answer = await this.http.send(account, {
      name: 'reserveSlot',
      method: 'POST',
      path: '/v2/slots/reservations',
      version: CALCOM_API_VERSIONS.slots,
      data,
      idempotent: false,
    });
    return parseReservation(answer) satisfies CalcomReservation;
  }

  /** Lets a hold go. Cal.com answers 200 whether or not it still had it. */
  async release(account: CalcomAccount, uid: string): Promise<void> {
    await this.http.send(account, {
      name: 'releaseSlot',
      method: 'DELETE',
      path: `/v2/slots/reservations/${encodeURIComponent(uid)}`,
      version: CALCOM_API_VERSIONS.slots,
      idempotent: true,
    });
  }
}
