import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantsModule } from '../tenants/tenants.module';
import { ReminderDispatcherService } from './reminder-dispatcher.service';
import { ReminderOutcomesService } from './reminder-outcomes.service';
import { ReminderPlannerService } from './reminder-planner.service';
import { ReminderWorkerService } from './reminder-worker.service';
import { Reminder } from './reminder.entity';
import { RemindersService } from './reminders.service';
import { RetellCallsClient } from './retell-calls.client';

/** Reminder calls before appointments: planned, placed through Retell's API, and how each ended. */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder]), TenantsModule],
  providers: [
    RetellCallsClient,
    ReminderPlannerService,
    ReminderDispatcherService,
    ReminderOutcomesService,
    ReminderWorkerService,
    RemindersService,
  ],
  exports: [ReminderOutcomesService, RemindersService, ReminderWorkerService],
})
export class RemindersModule {}
