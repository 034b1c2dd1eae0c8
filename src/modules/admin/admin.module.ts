import { AdminOverviewController } from './admin-overview.controller';
import { OverviewService } from './overview.service';
import { AdminRemindersController } from './admin-reminders.controller';
import { RemindersModule } from '../reminders/reminders.module';
import { Module } from '@nestjs/common';
import { HealthModule } from '../../health/health.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { CalcomModule } from '../calcom/calcom.module';
import { CallsModule } from '../calls/calls.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AdminAppointmentsController } from './admin-appointments.controller';
import { AdminCallsController } from './admin-calls.controller';
import { AdminCustomersController } from './admin-customers.controller';
import { DiagnosticController } from './diagnostic.controller';
import { DiagnosticService } from './diagnostic.service';
import { DiagnosticsReadService } from './diagnostics-read.service';
import { GdprService } from './gdpr.service';
import { BranchesController } from './branches.controller';
import { CompaniesController } from './companies.controller';
import { PhoneNumbersController } from './phone-numbers.controller';
import { ServicesController } from './services.controller';
import { TokensController } from './tokens.controller';

/** The admin face: tenants, tokens, calls, customers, the diagnostic endpoint and GDPR, over the domain modules. */
@Module({
  imports: [HealthModule, CalcomModule, CallsModule, AppointmentsModule, TenantsModule, RemindersModule],
  controllers: [
    CompaniesController,
    AdminOverviewController,
    AdminRemindersController,
    BranchesController,
    PhoneNumbersController,
    ServicesController,
    TokensController,
    DiagnosticController,
    AdminCallsController,
    AdminAppointmentsController,
    AdminCustomersController,
  ],
  providers: [DiagnosticsReadService, DiagnosticService, GdprService, OverviewService],
})
export class AdminModule {}
