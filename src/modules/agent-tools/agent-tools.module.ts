import { RemindersModule } from '../reminders/reminders.module';
import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { CallsModule } from '../calls/calls.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AgentToolsService } from './agent-tools.service';
import { CallContextService } from './call-context.service';
import { AppointmentToolsService } from './use-cases/appointment-tools.service';
import { AvailabilityToolsService } from './use-cases/availability-tools.service';
import { BookingToolsService } from './use-cases/booking-tools.service';
import { CallerToolsService } from './use-cases/caller-tools.service';
import { CatalogToolsService } from './use-cases/catalog-tools.service';
import { ToolScopeService } from './use-cases/tool-scope.service';

/** The tools both faces offer: catalog, call context and use cases, with typed results and no transport. */
@Module({
  imports: [TenantsModule, CallsModule, AppointmentsModule, RemindersModule],
  providers: [
    AgentToolsService,
    CallContextService,
    ToolScopeService,
    CatalogToolsService,
    CallerToolsService,
    AvailabilityToolsService,
    BookingToolsService,
    AppointmentToolsService,
  ],
  exports: [AgentToolsService, CallContextService],
})
export class AgentToolsModule {}
