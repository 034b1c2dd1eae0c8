import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsE164 } from '../../common/validation';
import { ListQueryDto } from '../tenants/tenants.dto';
import { TOKEN_KINDS, type TokenKind } from '../access/api-token.entity';

export class CreateTokenDto {
  @ApiProperty({ enum: TOKEN_KINDS })
  @IsIn(TOKEN_KINDS)
  kind: TokenKind;

  @ApiProperty({ example: 'ops laptop' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for function tokens: the company they act for' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}

export class CallsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}

export class CustomersQueryDto extends CallsQueryDto {
  @ApiPropertyOptional({ description: 'E.164 phone number' })
  @IsOptional()
  @IsE164()
  phone?: string;
}

export class DiagnosticQueryDto {
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class EraseQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Erase only as a customer of this company' })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ description: 'Also cancel their upcoming bookings in Cal.com (default false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  cancelBookings?: boolean;
}
