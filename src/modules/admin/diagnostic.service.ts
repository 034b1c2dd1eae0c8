import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RedisHealthIndicator } from '../../health/redis.health';
import { CalcomBreakersService } from '../calcom/calcom-breakers.service';
import { CallsService } from '../calls/calls.service';
import { DiagnosticsReadService } from './diagnostics-read.service';
import type { DiagnosticReportResponse } from './responses/diagnostic.responses';

@Injectable()
export class DiagnosticService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisHealthIndicator,
    private readonly breakers: CalcomBreakersService,
    private readonly calls: CallsService,
    private readonly reads: DiagnosticsReadService,
  ) {}

  async report(limit: number): Promise<DiagnosticReportResponse> {
    const [database, redis, calls] = await Promise.all([
      this.database(),
      this.redis.check(),
      this.reads.recentCalls({ limit }),
    ]);
    return {
      components: {
        database,
        redis: redis.redis,
        calcom: { breakers: this.breakers.states() },
        queue: { depth: this.calls.waiting },
      },
      calls,
    };
  }

  private async database(): Promise<{ status: 'up' | 'down'; responseTimeMs?: number }> {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up', responseTimeMs: Date.now() - started };
    } catch {
      return { status: 'down' };
    }
  }
}
