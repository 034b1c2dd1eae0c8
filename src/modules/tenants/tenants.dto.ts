import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalcomBaseUrl, IsE164, IsIanaTimezone, IsOpeningHours } from '../../common/validation';
import type { OpeningHours } from './branch.entity';
import type { DateOrder, Locale } from './company.entity';

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

export class CreateBranchDto {
  @ApiProperty({ example: 'Mitte' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'Torstraße 1, 10119 Berlin' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ example: { mon: [['09:00', '18:00']] } })
  @IsOptional()
  @IsOpeningHours()
  openingHours?: OpeningHours;
}

export class UpdateBranchDto extends PartialType(CreateBranchDto, { skipNullProperties: false }) {}

export class CreatePhoneNumberDto {
  @ApiProperty({ example: '+493012345678' })
  @IsE164()
  e164: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ example: 'Front desk' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

export class UpdatePhoneNumberDto extends PartialType(CreatePhoneNumberDto, { skipNullProperties: false }) {}

export class CreateServiceDto {
  @ApiProperty({ example: 'Haircut' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['Herrenschnitt', 'cut'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  synonyms?: string[];

  @ApiProperty({ example: 123456, description: 'Cal.com event type id' })
  @IsInt()
  @Min(1)
  calcomEventTypeId: number;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  durationMinutes: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ description: 'Cal.com team event type with several hosts' })
  @IsOptional()
  @IsBoolean()
  multiHost?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateServiceDto extends PartialType(CreateServiceDto, { skipNullProperties: false }) {}

export class ListQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
