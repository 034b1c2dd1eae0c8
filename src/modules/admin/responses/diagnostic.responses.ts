import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CallSummaryResponse } from './call.responses';

const STATUS = { enum: ['up', 'down'] } as const;

export class DatabaseState {
  @ApiProperty(STATUS) status: 'up' | 'down';
  @ApiPropertyOptional() responseTimeMs?: number;
}

export class RedisState {
  @ApiProperty(STATUS) status: string;
  @ApiPropertyOptional({ enum: ['in-process'], description: 'Present when no REDIS_URL is set' }) mode?: string;
  @ApiPropertyOptional({ description: 'Why Redis is down' }) message?: string;
}

export class BreakerStateResponse {
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ enum: ['closed', 'open', 'half-open'] }) state: string;
}

export class CalcomState {
  @ApiProperty({ type: [BreakerStateResponse], description: 'The Cal.com breaker of every company used since start' })
  breakers: BreakerStateResponse[];
}

export class QueueState {
  @ApiProperty({ description: 'Call events this instance received that wait for the group commit' })
  depth: number;
}

export class DiagnosticComponents {
  @ApiProperty() database: DatabaseState;
  @ApiProperty() redis: RedisState;
  @ApiProperty() calcom: CalcomState;
  @ApiProperty() queue: QueueState;
}

export class DiagnosticReportResponse {
  @ApiProperty() components: DiagnosticComponents;
  @ApiProperty({ type: [CallSummaryResponse] }) calls: CallSummaryResponse[];
}
