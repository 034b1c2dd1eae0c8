import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { CallsModule } from '../calls/calls.module';
import { TenantsModule } from '../tenants/tenants.module';
import { CallContextService } from './call-context.service';
import { RetellFunctionsController } from './retell-functions.controller';
import { RetellFunctionsService } from './retell-functions.service';
import { RetellCalendarSkillsService } from './retell-calendar-skills.service';
import { RetellSkillsService } from './retell-skills.service';
import { RetellTenantGuard } from './retell-tenant.guard';
import { RetellWebhooksController } from './retell-webhooks.controller';
import { RetellInboundService } from './retell-inbound.service';
import { RetellWebhooksService } from './retell-webhooks.service';

/** The transport face for Retell: it depends on the domain modules, never the other way round. */
@Module({
  imports: [TenantsModule, CallsModule, AppointmentsModule],
  controllers: [RetellWebhooksController, RetellFunctionsController],
  providers: [
    RetellTenantGuard,
    CallContextService,
    RetellFunctionsService,
    RetellSkillsService,
    RetellCalendarSkillsService,
    RetellWebhooksService,
    RetellInboundService,
  ],
})
export class RetellModule {}
