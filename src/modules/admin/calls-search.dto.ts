import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { CallsQueryDto } from './diagnostics.dto';

export const CALL_OUTCOMES = ['booked', 'no_booking', 'failed'] as const;

/** The console's call list: filters, and keyset paging (the last row's `createdAt` and `id` as `before…`). */
export class CallsSearchDto extends CallsQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Calls from this day on (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Calls up to and including this day (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['inbound', 'outbound'] })
  @IsOptional()
  @IsIn(['inbound', 'outbound'])
  direction?: 'inbound' | 'outbound';

  @ApiPropertyOptional({
    enum: CALL_OUTCOMES,
    description: 'booked: an appointment was made in it; failed: a function call failed',
  })
  @IsOptional()
  @IsIn(CALL_OUTCOMES)
  outcome?: (typeof CALL_OUTCOMES)[number];

  @ApiPropertyOptional({ example: '1511234', description: "Digits of the caller's number (any part of it)" })
  @IsOptional()
  @Matches(/^\+?\d{3,15}$/, { message: 'number must be 3 to 15 digits' })
  number?: string;

  @ApiPropertyOptional({ description: 'Keyset paging: the createdAt of the last call of the previous page' })
  @IsOptional()
  @IsISO8601({ strict: true })
  beforeCreatedAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Keyset paging: the id of the last call of the previous page' })
  @IsOptional()
  @IsUUID()
  beforeId?: string;
}
