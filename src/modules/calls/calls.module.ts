import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantsModule } from '../tenants/tenants.module';
import { CallEvent } from './call-event.entity';
import { Call } from './call.entity';
import { CallEventStore } from './call-event-store';
import { CallsService } from './calls.service';

@Module({
  imports: [TypeOrmModule.forFeature([Call, CallEvent]), TenantsModule],
  providers: [CallsService, CallEventStore],
  exports: [CallsService],
})
export class CallsModule {}
