import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';

export type Locale = 'de' | 'en';

@Entity('companies')
export class Company {
  @UuidPrimaryColumn()
  id: string;

  @Index('uq_companies_slug', { unique: true })
  @Column('varchar', { length: 64 })
  slug: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 64, default: 'Europe/Berlin' })
  timezone: string;

  @Column('varchar', { length: 2, default: 'de' })
  locale: Locale;

  /** Write-only: never selected unless asked for, never serialised, never logged. */
  @Column('text', { nullable: true, select: false })
  calcomApiKey: string | null;

  @Index('ix_companies_retell_agent_ids', { synchronize: false })
  @Column('text', { array: true, default: () => "'{}'" })
  retellAgentIds: string[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
