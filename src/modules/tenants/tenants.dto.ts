import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsE164, IsOpeningHours, PG_INTEGER_MAX } from '../../common/validation';
import type { OpeningHours } from './branch.entity';

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
  @Max(PG_INTEGER_MAX)
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
  @Max(PG_INTEGER_MAX)
  offset?: number;
}
