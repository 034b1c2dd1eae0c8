import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsCalcomBaseUrl, IsIanaTimezone } from '../../common/validation';
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
