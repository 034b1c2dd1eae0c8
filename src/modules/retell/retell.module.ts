import { Module } from '@nestjs/common';
import { AgentToolsModule } from '../agent-tools/agent-tools.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { CallsModule } from '../calls/calls.module';
import { RemindersModule } from '../reminders/reminders.module';
import { TenantsModule } from '../tenants/tenants.module';
import { RetellFunctionsController } from './retell-functions.controller';
import { RetellFunctionsService } from './retell-functions.service';
import { RetellInboundService } from './retell-inbound.service';
import { RetellAuthGuard } from './retell-auth.guard';
import { RetellWebhooksController } from './retell-webhooks.controller';
import { RetellWebhooksService } from './retell-webhooks.service';

/** The transport face for Retell: it depends on the tools and the domain, never the other way round. */
@Module({
  imports: [AgentToolsModule, TenantsModule, CallsModule, AppointmentsModule, RemindersModule],
  controllers: [RetellWebhooksController, RetellFunctionsController],
  providers: [RetellAuthGuard, RetellFunctionsService, RetellWebhooksService, RetellInboundService],
})
export class RetellModule {}
