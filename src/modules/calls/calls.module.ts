import { FunctionCall } from './function-call.entity';
import { FunctionCallLog } from './function-call-log.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantsModule } from '../tenants/tenants.module';
import { CallEvent } from './call-event.entity';
import { Call } from './call.entity';
import { CallEventStore } from './call-event-store';
import { CallsService } from './calls.service';
import { CallRetentionService } from './call-retention.service';
import { CallRecordsService } from './call-records.service';

@Module({
  imports: [TypeOrmModule.forFeature([Call, CallEvent, FunctionCall]), TenantsModule],
  providers: [CallsService, CallEventStore, CallRetentionService, CallRecordsService, FunctionCallLog],
  exports: [CallsService, CallRecordsService, FunctionCallLog],
})
export class CallsModule {}
