import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Company } from '../tenants/company.entity';

export const TOKEN_KINDS = ['admin', 'function', 'viewer'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Only the SHA-256 of a token is stored; the token itself is shown once, when it is created. */
@Entity('api_tokens')
@Check(
  'ck_api_tokens_kind',
  `"kind" IN ('admin', 'function', 'viewer') AND ("kind" = 'admin' OR "company_id" IS NOT NULL)`,
)
export class ApiToken {
  @UuidPrimaryColumn()
  id: string;

  @Column('varchar', { length: 16 })
  kind: TokenKind;

  @Index('ix_api_tokens_company')
  @Column('uuid', { nullable: true })
  companyId: string | null;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company | null;

  @Column('varchar', { length: 100 })
  name: string;

  @Index('uq_api_tokens_hash', { unique: true })
  @Column('char', { length: 64 })
  tokenHash: string;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
