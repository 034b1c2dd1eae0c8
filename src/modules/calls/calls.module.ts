import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantsModule } from '../tenants/tenants.module';
import { CallPostProcessor } from './call-post-processor.service';
import { CallEvent } from './call-event.entity';
import { Call } from './call.entity';
import { CallFollowUps } from './call-follow-ups.service';
import { CallEventStore } from './call-event-store';
import { CallsService } from './calls.service';

@Module({
  imports: [TypeOrmModule.forFeature([Call, CallEvent]), TenantsModule],
  providers: [CallsService, CallEventStore, CallFollowUps, CallPostProcessor],
  exports: [CallsService, CallFollowUps],
})
export class CallsModule {}
