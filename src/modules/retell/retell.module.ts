import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { CallsModule } from '../calls/calls.module';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module';
import { TenantsModule } from '../tenants/tenants.module';
import { CallContextService } from './call-context.service';
import { RetellAuthGuard } from './retell-auth.guard';
import { RetellFunctionsController } from './retell-functions.controller';
import { RetellFunctionsService } from './retell-functions.service';
import { RetellCalendarSkillsService } from './retell-calendar-skills.service';
import { RetellSkillsService } from './retell-skills.service';
import { RetellWebhooksController } from './retell-webhooks.controller';
import { RetellInboundService } from './retell-inbound.service';
import { RetellWebhooksService } from './retell-webhooks.service';

/** The transport face for Retell: it depends on the domain modules, never the other way round. */
@Module({
  imports: [TenantsModule, CallsModule, AppointmentsModule, DiagnosticsModule],
  controllers: [RetellWebhooksController, RetellFunctionsController],
  providers: [
    RetellAuthGuard,
    CallContextService,
    RetellFunctionsService,
    RetellSkillsService,
    RetellCalendarSkillsService,
    RetellWebhooksService,
    RetellInboundService,
  ],
})
export class RetellModule {}
