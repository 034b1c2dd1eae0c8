import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalcomModule } from '../calcom/calcom.module';
import { Appointment } from './appointment.entity';
import { AppointmentClaimsService } from './appointment-claims.service';
import { AppointmentRecordsService } from './appointment-records.service';
import { AppointmentsService } from './appointments.service';
import { AvailabilityService } from './availability.service';
import { BookingRunnerService } from './booking-runner.service';
import { BookingService } from './booking.service';
import { SlotLockService } from './slot-lock.service';

@Module({
  imports: [TypeOrmModule.forFeature([Appointment]), CalcomModule],
  providers: [
    AppointmentsService,
    AppointmentRecordsService,
    AvailabilityService,
    BookingService,
    BookingRunnerService,
    AppointmentClaimsService,
    SlotLockService,
  ],
  exports: [AppointmentsService, AppointmentRecordsService, AvailabilityService, BookingService],
})
export class AppointmentsModule {}
