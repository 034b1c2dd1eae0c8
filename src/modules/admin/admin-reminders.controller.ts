import { Controller, Get, Query, Req } from '@nestjs/common';
import { viewerCompany } from '../access/bearer-auth.guard';
import type { AuthenticatedRequest } from '../access/principal';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { OPEN_REMINDER, Reminder, REMINDER_OUTCOMES, ReminderStatus } from '../reminders/reminder.entity';
import { RemindersService } from '../reminders/reminders.service';
import { AdminAuth } from './admin-auth.decorator';
import { CallsQueryDto } from './diagnostics.dto';

const STATUSES = [...OPEN_REMINDER, ...REMINDER_OUTCOMES];

export class RemindersQueryDto extends CallsQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, isArray: true, description: 'Only these (comma-separated)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(STATUSES, { each: true })
  status?: ReminderStatus[];
}

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ format: 'uuid', description: "The appointment's stable id" }) appointmentId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) customerId: string | null;
  @ApiProperty({ example: 1440 }) leadMinutes: number;
  @ApiProperty() appointmentStart: Date;
  @ApiProperty({ description: 'Start minus lead time' }) dueAt: Date;
  @ApiProperty({ description: 'When it is (or was last) to be called' }) nextAt: Date;
  @ApiProperty({ enum: STATUSES, description: 'Waiting, calling or placed; or how it ended' }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) retellCallId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it ended so, or why the last attempt failed' })
  reason: string | null;
  @ApiProperty() updatedAt: Date;

  static of(row: Reminder): ReminderResponse {
    const { id, companyId, appointmentOriginId, customerId, leadMinutes, appointmentStart, dueAt, nextAt } = row;
    const { status, attempts, retellCallId, reason, updatedAt } = row;
    const times = { appointmentStart, dueAt, nextAt, updatedAt };
    return {
      id,
      companyId,
      appointmentId: appointmentOriginId,
      customerId,
      leadMinutes,
      status,
      attempts,
      retellCallId,
      reason,
      ...times,
    };
  }
}

@ApiTags('admin: reminders')
@AdminAuth()
@Controller('api/admin/reminders')
export class AdminRemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Reminder calls with their outcome, latest due first. */
  @Get()
  @ApiOkResponse({ type: [ReminderResponse] })
  async list(@Query() query: RemindersQueryDto, @Req() request: AuthenticatedRequest): Promise<ReminderResponse[]> {
    const companyId = viewerCompany(request) ?? query.companyId;
    return (await this.reminders.list({ ...query, companyId })).map(ReminderResponse.of);
  }
}
