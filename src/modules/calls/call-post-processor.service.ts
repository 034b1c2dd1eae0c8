import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MetricsService } from '../../metrics/metrics.service';
import { TenantResolverService } from '../tenants/tenant-resolver.service';
import { Call } from './call.entity';

export interface PostProcessJob {
  callId: string;
  event: string;
}

/** Work that may wait until after the webhook was answered: linking the caller, call metrics. Idempotent. */
@Injectable()
export class CallPostProcessor {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly tenants: TenantResolverService,
    private readonly metrics: MetricsService,
  ) {}

  async process(job: PostProcessJob): Promise<void> {
    const call = await this.calls.findOneBy({ id: job.callId });
    if (!call) return;
    if (call.companyId && !call.customerId) {
      // The caller may have become a customer during the call (collect-customer-info).
      const tenant = await this.tenants.resolve(call);
      if (tenant?.customerId && tenant.companyId === call.companyId)
        await this.calls.update({ id: call.id }, { customerId: tenant.customerId });
    }
    if (job.event === 'call_ended') {
      this.metrics.callsEnded.inc({ reason: call.disconnectionReason ?? 'unknown' });
      if (call.durationMs !== null) this.metrics.callDuration.observe(call.durationMs / 1000);
    }
  }
}
