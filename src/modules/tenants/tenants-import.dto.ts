import { OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsE164 } from '../../common/validation';
import { CreateCompanyDto } from './companies.dto';
import { CreateBranchDto, CreateServiceDto } from './tenants.dto';

/** A whole tenant as `tenants:import` reads it: branches and services refer to branches by name. */
export class ImportBranchDto extends CreateBranchDto {}

export class ImportPhoneNumberDto {
  @IsE164()
  e164: string;

  @IsOptional()
  @IsString()
  branch?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

export class ImportServiceDto extends OmitType(CreateServiceDto, ['branchId'] as const) {
  @IsOptional()
  @IsString()
  branch?: string;
}

export class ImportCompanyDto extends CreateCompanyDto {
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ImportBranchDto)
  branches?: ImportBranchDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ImportPhoneNumberDto)
  phoneNumbers?: ImportPhoneNumberDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ImportServiceDto)
  services?: ImportServiceDto[];
}

export class TenantImportDto {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ImportCompanyDto)
  companies: ImportCompanyDto[];
}
