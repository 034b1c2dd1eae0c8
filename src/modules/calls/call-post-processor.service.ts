import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { MetricsService } from '../../metrics/metrics.service';
import { linkCallers } from './call-event-sql';
import { Call } from './call.entity';

export interface PostProcessJob {
  callId: string;
  event: string;
}

/** What the follow-ups read of a call: never its transcript. */
const COLUMNS = {
  id: true,
  companyId: true,
  customerId: true,
  direction: true,
  fromNumber: true,
  toNumber: true,
  agentId: true,
  durationMs: true,
  disconnectionReason: true,
} as const;

/** Work that may wait until after the webhook was answered: linking the caller, call metrics. Idempotent. */
@Injectable()
export class CallPostProcessor {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly metrics: MetricsService,
  ) {}

  /** Processes a batch of jobs in a fixed number of queries; throws when the database is away. */
  async process(jobs: PostProcessJob[]): Promise<void> {
    const found = await this.calls.find({ select: COLUMNS, where: { id: In(jobs.map((job) => job.callId)) } });
    // The caller may have become a customer during the call (collect-customer-info).
    const unlinked = found.filter((call) => call.companyId && !call.customerId);
    await linkCallers((sql, parameters) => this.calls.query(sql, parameters), unlinked);
    const calls = new Map(found.map((call) => [call.id, call]));
    for (const job of jobs) {
      const call = calls.get(job.callId);
      if (!call || job.event !== 'call_ended') continue;
      this.metrics.countEndedCall(call.disconnectionReason, call.durationMs);
    }
  }
}
