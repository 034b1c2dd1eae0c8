import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TOKEN_KINDS, type TokenKind } from './api-token.entity';

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
