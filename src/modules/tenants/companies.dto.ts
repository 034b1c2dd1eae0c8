import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalcomBaseUrl, IsIanaTimezone } from '../../common/validation';
import type { DateOrder, Locale } from './company.entity';

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class ReminderWindowDto {
  @ApiProperty({ example: '09:00', description: 'Earliest call, HH:mm in the company timezone' })
  @Matches(CLOCK, { message: 'window.from must be HH:mm' })
  from: string;

  @ApiProperty({ example: '19:00', description: 'No call at or after this, HH:mm in the company timezone' })
  @Matches(CLOCK, { message: 'window.to must be HH:mm' })
  to: string;
}

/** Reminder calls before appointments; absent or null: none. */
export class RemindersDto {
  @ApiProperty({ type: [Number], example: [1440], description: 'Minutes before the appointment, one call each' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(15, { each: true })
  @Max(20160, { each: true })
  leadMinutes: number[];

  @ApiProperty({ type: ReminderWindowDto, description: 'Never call outside it (company time)' })
  @ValidateNested()
  @Type(() => ReminderWindowDto)
  window: ReminderWindowDto;

  @ApiProperty({ example: 'agent_reminder', description: 'The Retell agent that places the call' })
  @IsString()
  @Length(1, 128)
  agentId: string;

  @ApiPropertyOptional({
    example: '+493012345678',
    nullable: true,
    description: "The number it calls from (one of the Retell workspace's); default: the company's first number",
  })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'fromNumber must be an E.164 number' })
  fromNumber?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 3, description: 'Calls per reminder at most' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  maxAttempts?: number;
}

export class CreateCompanyDto {
  @ApiProperty({ example: 'salon-mitte', description: 'Stable key, lowercase letters, digits and dashes' })
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    message: 'slug must be lowercase letters, digits and dashes (1-64)',
  })
  slug: string;

  @ApiProperty({ example: 'Salon Mitte' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsIanaTimezone()
  timezone?: string;

  @ApiPropertyOptional({ enum: ['de', 'en'] })
  @IsOptional()
  @IsIn(['de', 'en'])
  locale?: Locale;

  @ApiPropertyOptional({
    enum: ['dmy', 'mdy'],
    nullable: true,
    description: 'How callers write numeric dates ("2/3"); unset: month first in US timezones, day first elsewhere',
  })
  @IsOptional()
  @IsIn(['dmy', 'mdy'])
  dateOrder?: DateOrder | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 15,
    default: 5,
    description:
      'Minutes a read-back holds the slot while the caller decides (Cal.com holds for 5 by default); 0: no holds',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(15)
  holdMinutes?: number;

  @ApiPropertyOptional({ type: RemindersDto, nullable: true, description: 'Reminder calls; null: off' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RemindersDto)
  reminders?: RemindersDto | null;

  @ApiPropertyOptional({ description: 'Write-only: stored encrypted, never returned', writeOnly: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  calcomApiKey?: string;

  @ApiPropertyOptional({
    writeOnly: true,
    description:
      "Write-only: the secret of the company's Cal.com webhook subscription (x-cal-signature-256), stored encrypted; " +
      '`npm run calcom:webhooks` sets it',
  })
  @IsOptional()
  @IsString()
  @Length(16, 256)
  calcomWebhookSecret?: string | null;

  @ApiPropertyOptional({
    example: 'https://api.cal.eu',
    nullable: true,
    description: "The company's Cal.com API (api.cal.com, api.cal.eu or self-hosted); null: the deployment's",
  })
  @IsOptional()
  @IsCalcomBaseUrl()
  calcomBaseUrl?: string | null;

  @ApiPropertyOptional({
    type: [String],
    writeOnly: true,
    description:
      "Write-only: the company's own Retell workspace keys (several for a rotation; the first also calls Retell's " +
      'API), stored encrypted, never returned. Requests signed with them act for this company alone; [] removes them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(8, 200, { each: true })
  retellApiKeys?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Retell agent ids that belong to this company' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 128, { each: true })
  retellAgentIds?: string[];
}

export class UpdateCompanyDto extends PartialType(CreateCompanyDto, { skipNullProperties: false }) {}
