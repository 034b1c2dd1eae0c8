import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { viewerCompany } from '../access/bearer-auth.guard';
import type { AuthenticatedRequest } from '../access/principal';
import { AdminAuth } from './admin-auth.decorator';
import { OverviewService } from './overview.service';

export class OverviewQueryDto {
  @ApiPropertyOptional({ enum: [7, 14, 30, 90], default: 14 })
  @IsOptional()
  @Type(() => Number)
  @IsIn([7, 14, 30, 90])
  days?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'One business; all without' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}

export class OverviewDayResponse {
  @ApiProperty({ example: '2026-12-04', description: 'The day in the business timezone (UTC for all)' }) date: string;
  @ApiProperty() calls: number;
  @ApiProperty({ description: 'Calls in which an appointment was made' }) bookedCalls: number;
  @ApiProperty({ type: Number, nullable: true, description: 'bookedCalls / calls' }) conversion: number | null;
  @ApiProperty({ description: 'Appointments moved that day (any source)' }) moved: number;
  @ApiProperty({ description: 'Appointments cancelled that day (any source)' }) cancelled: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { CALCOM_UNAVAILABLE: 2 },
    description: 'Failed function calls by reason',
  })
  failures: Record<string, number>;
  @ApiProperty({ type: Number, nullable: true, description: 'p95 of function call durations' })
  functionP95Ms: number | null;
}

export class BreakerStateResponse {
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ enum: ['closed', 'half-open', 'open'] }) state: string;
}

export class OverviewResponse {
  @ApiProperty({ example: '2026-11-21' }) from: string;
  @ApiProperty({ example: '2026-12-04' }) to: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
  @ApiProperty({ type: [OverviewDayResponse] }) days: OverviewDayResponse[];
  @ApiProperty({ type: [BreakerStateResponse], description: 'Cal.com breakers now, as this instance sees them' })
  breakers: BreakerStateResponse[];
}

@ApiTags('admin: overview')
@AdminAuth()
@Controller('api/admin/overview')
export class AdminOverviewController {
  constructor(private readonly overview: OverviewService) {}

  /** Per day: calls, calls that booked, conversion, moves and cancellations, failures by reason, p95 latency. */
  @Get()
  @ApiOkResponse({ type: OverviewResponse })
  get(@Query() query: OverviewQueryDto, @Req() request: AuthenticatedRequest): Promise<OverviewResponse> {
    return this.overview.overview(query.days ?? 14, viewerCompany(request) ?? query.companyId);
  }
}
