import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { CalcomBreakersService } from './calcom-breakers.service';
import { CALCOM_ENDPOINT, CalcomEndpoint, createCalcomEndpoint } from './calcom-endpoint';
import { CalcomEventTypesService } from './calcom-event-types.service';
import { CalcomSlotsService } from './calcom-slots.service';
import { CalcomClient } from './calcom.client';

/** The vendor client: nothing outside this module builds a Cal.com URL. */
@Module({
  providers: [
    {
      provide: CALCOM_ENDPOINT,
      inject: [calcomConfig.KEY],
      useFactory: (config: CalcomConfig) => createCalcomEndpoint(config),
    },
    CalcomBreakersService,
    CalcomClient,
    CalcomSlotsService,
    CalcomEventTypesService,
  ],
  exports: [CalcomClient, CalcomSlotsService, CalcomBreakersService, CalcomEventTypesService],
})
export class CalcomModule implements OnApplicationShutdown {
  constructor(@Inject(CALCOM_ENDPOINT) private readonly endpoint: CalcomEndpoint) {}

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint.close();
  }
}
