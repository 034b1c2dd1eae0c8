import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantsModule } from '../tenants/tenants.module';
import { CallPostProcessor } from './call-post-processor.service';
import { CallEvent } from './call-event.entity';
import { Call } from './call.entity';
import { CallsQueue } from './calls.queue';
import { CallsService } from './calls.service';

@Module({
  imports: [TypeOrmModule.forFeature([Call, CallEvent]), TenantsModule],
  providers: [CallsService, CallsQueue, CallPostProcessor],
  exports: [CallsService, CallsQueue],
})
export class CallsModule {}
