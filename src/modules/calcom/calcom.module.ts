import { Module } from '@nestjs/common';
import { CalcomBreakersService } from './calcom-breakers.service';
import { CalcomEventTypesService } from './calcom-event-types.service';
import { CalcomSlotsService } from './calcom-slots.service';
import { CalcomClient } from './calcom.client';
import { CalcomHttpService } from './calcom-http.service';

/** The vendor client: nothing outside this module builds a Cal.com URL. */
@Module({
  providers: [CalcomBreakersService, CalcomHttpService, CalcomClient, CalcomSlotsService, CalcomEventTypesService],
  exports: [CalcomClient, CalcomSlotsService, CalcomBreakersService, CalcomEventTypesService],
})
export class CalcomModule {}
