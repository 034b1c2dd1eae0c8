import { Module } from '@nestjs/common';
import { CalcomBreakersService } from './calcom-breakers.service';
import { CalcomEventTypesService } from './calcom-event-types.service';
import { CalcomSlotsService } from './calcom-slots.service';
import { CalcomClient } from './calcom.client';
import { CalcomHttpService } from './calcom-http.service';
import { CalcomWebhooksClient } from './calcom-webhooks.client';
import { CalcomReservationsClient } from './calcom-reservations.client';

/** The vendor client: nothing outside this module builds a Cal.com URL. */
@Module({
  providers: [
    CalcomBreakersService,
    CalcomHttpService,
    CalcomClient,
    CalcomWebhooksClient,
    CalcomReservationsClient,
    CalcomSlotsService,
    CalcomEventTypesService,
  ],
  exports: [
    CalcomClient,
    CalcomWebhooksClient,
    CalcomReservationsClient,
    CalcomSlotsService,
    CalcomBreakersService,
    CalcomEventTypesService,
  ],
})
export class CalcomModule {}
