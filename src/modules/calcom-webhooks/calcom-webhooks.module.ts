import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { TenantsModule } from '../tenants/tenants.module';
import { CalcomModule } from '../calcom/calcom.module';
import { CalcomSubscriptionsService } from './calcom-subscriptions.service';
import { CalcomWebhookGuard } from './calcom-webhook.guard';
import { CalcomWebhooksController } from './calcom-webhooks.controller';
import { CalcomWebhooksService } from './calcom-webhooks.service';

/** The Cal.com face: webhook deliveries in, appointments kept true; it depends on the domain, never the reverse. */
@Module({
  imports: [AppointmentsModule, TenantsModule, CalcomModule],
  controllers: [CalcomWebhooksController],
  providers: [CalcomWebhookGuard, CalcomWebhooksService, CalcomSubscriptionsService],
  exports: [CalcomSubscriptionsService],
})
export class CalcomWebhooksModule {}
