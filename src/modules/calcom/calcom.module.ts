import { Module } from '@nestjs/common';
import { CalcomBreakersService } from './calcom-breakers.service';
import { CalcomEventTypesService } from './calcom-event-types.service';
import { CalcomSlotsService } from './calcom-slots.service';
import { CalcomClient } from './calcom.client';

/** The vendor client: nothing outside this module builds a Cal.com URL. */
@Module({
  providers: [CalcomBreakersService, CalcomClient, CalcomSlotsService, CalcomEventTypesService],
  exports: [CalcomClient, CalcomSlotsService, CalcomBreakersService, CalcomEventTypesService],
})
export class CalcomModule {}
