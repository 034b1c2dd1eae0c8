import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalcomModule } from '../calcom/calcom.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AppointmentChange } from './appointment-change.entity';
import { Appointment } from './appointment.entity';
import { CalcomDelivery } from './calcom-delivery.entity';
import { SlotHold } from './holds/slot-hold.entity';
import { AppointmentClaimsService } from './appointment-claims.service';
import { AppointmentHistoryService } from './appointment-history.service';
import { AppointmentReconciliationService } from './appointment-reconciliation.service';
import { CalcomDeliveriesService } from './calcom-deliveries.service';
import { CalcomNewsService } from './calcom-news.service';
import { AppointmentRecordsService } from './appointment-records.service';
import { AppointmentsService } from './appointments.service';
import { AvailabilityService } from './availability.service';
import { BookingRunnerService } from './booking-runner.service';
import { BookingService } from './booking.service';
import { SlotLockService } from './slot-lock.service';
import { HeldSlotsView } from './holds/held-slots';
import { HoldReleaseService } from './holds/hold-release.service';
import { SlotHoldsService } from './holds/slot-holds.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Appointment, AppointmentChange, CalcomDelivery, SlotHold]),
    CalcomModule,
    TenantsModule,
  ],
  providers: [
    AppointmentsService,
    AppointmentHistoryService,
    AppointmentReconciliationService,
    CalcomNewsService,
    CalcomDeliveriesService,
    AppointmentRecordsService,
    AvailabilityService,
    BookingService,
    BookingRunnerService,
    AppointmentClaimsService,
    SlotLockService,
    HeldSlotsView,
    SlotHoldsService,
    HoldReleaseService,
  ],
  exports: [
    AppointmentsService,
    AppointmentRecordsService,
    AppointmentHistoryService,
    AppointmentReconciliationService,
    AvailabilityService,
    BookingService,
    CalcomDeliveriesService,
    SlotHoldsService,
    HoldReleaseService,
  ],
})
export class AppointmentsModule {}
