import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthModule } from '../../health/health.module';
import { Appointment } from '../appointments/appointment.entity';
import { AppointmentsModule } from '../appointments/appointments.module';
import { CalcomModule } from '../calcom/calcom.module';
import { CallEvent } from '../calls/call-event.entity';
import { Call } from '../calls/call.entity';
import { CallsModule } from '../calls/calls.module';
import { Customer } from '../tenants/customer.entity';
import { TenantsModule } from '../tenants/tenants.module';
import { AdminCallsController } from './admin-calls.controller';
import { AdminCustomersController } from './admin-customers.controller';
import { DiagnosticController } from './diagnostic.controller';
import { DiagnosticService } from './diagnostic.service';
import { DiagnosticsReadService } from './diagnostics-read.service';
import { DiagnosticsModule } from './diagnostics.module';
import { GdprService } from './gdpr.service';
import { RetentionService } from './retention.service';

/** The operators' read API, the diagnostic endpoint and GDPR; kept apart from tokens, which the CLI and Retell need. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Call, CallEvent, Customer, Appointment]),
    DiagnosticsModule,
    HealthModule,
    CalcomModule,
    CallsModule,
    AppointmentsModule,
    TenantsModule,
  ],
  controllers: [DiagnosticController, AdminCallsController, AdminCustomersController],
  providers: [DiagnosticsReadService, DiagnosticService, GdprService, RetentionService],
})
export class DiagnosticsApiModule {}
