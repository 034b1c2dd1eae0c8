import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { TenantsModule } from '../tenants/tenants.module';
import { CalcomSubscriptionsModule } from './calcom-subscriptions.module';
import { CalcomWebhookGuard } from './calcom-webhook.guard';
import { CalcomWebhooksController } from './calcom-webhooks.controller';
import { CalcomWebhooksService } from './calcom-webhooks.service';

/** The Cal.com face: webhook deliveries in, appointments kept true; it depends on the domain, never the reverse. */
@Module({
  imports: [AppointmentsModule, TenantsModule, CalcomSubscriptionsModule],
  controllers: [CalcomWebhooksController],
  providers: [CalcomWebhookGuard, CalcomWebhooksService],
})
export class CalcomWebhooksModule {}
