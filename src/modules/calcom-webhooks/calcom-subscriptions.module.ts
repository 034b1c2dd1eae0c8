import { Module } from '@nestjs/common';
import { CalcomModule } from '../calcom/calcom.module';
import { TenantsModule } from '../tenants/tenants.module';
import { CalcomSubscriptionsService } from './calcom-subscriptions.service';

/** The company's webhook subscription in its Cal.com: what `npm run calcom:webhooks` needs, without the HTTP face. */
@Module({
  imports: [TenantsModule, CalcomModule],
  providers: [CalcomSubscriptionsService],
  exports: [CalcomSubscriptionsService],
})
export class CalcomSubscriptionsModule {}
