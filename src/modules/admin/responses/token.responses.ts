import { ApiProperty } from '@nestjs/swagger';
import { TOKEN_KINDS, type TokenKind } from '../../access/api-token.entity';
import type { CreatedToken, TokenView } from '../../access/api-tokens.service';

const NULLABLE_UUID = { type: String, format: 'uuid', nullable: true } as const;
const NULLABLE_TIME = { type: Date, nullable: true } as const;

/** A token as listed: never the token nor its hash. */
export class TokenResponse implements TokenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TOKEN_KINDS }) kind: TokenKind;
  @ApiProperty({ example: 'ops laptop' }) name: string;
  @ApiProperty({ ...NULLABLE_UUID, description: 'The company a function token acts for' }) companyId: string | null;
  @ApiProperty(NULLABLE_TIME) lastUsedAt: Date | null;
  @ApiProperty(NULLABLE_TIME) revokedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static of(view: TokenView): TokenResponse {
    const { id, kind, name, companyId, lastUsedAt, revokedAt, createdAt } = view;
    return { id, kind, name, companyId, lastUsedAt, revokedAt, createdAt };
  }
}

export class CreatedTokenResponse implements CreatedToken {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TOKEN_KINDS }) kind: TokenKind;
  @ApiProperty({ example: 'ops laptop' }) name: string;
  @ApiProperty(NULLABLE_UUID) companyId: string | null;
  @ApiProperty({ description: 'Shown once; only its SHA-256 is stored', example: 'vbg_fn_…' }) token: string;

  static of(created: CreatedToken): CreatedTokenResponse {
    const { id, kind, name, companyId, token } = created;
    return { id, kind, name, companyId, token };
  }
}
