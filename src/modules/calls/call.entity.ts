import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, numericTransformer, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Branch } from '../tenants/branch.entity';
import { Company } from '../tenants/company.entity';
import { Customer } from '../tenants/customer.entity';

interface CostBreakdownItem {
  product: string;
  costCents: number;
  unitPrice: number | null;
}

export interface CallCost {
  totalCents: number;
  items: CostBreakdownItem[];
  totalDurationSeconds: number | null;
}

@Entity('calls')
@Index('ix_calls_company_created', ['companyId', 'createdAt'])
@Index('ix_calls_created', ['createdAt'])
export class Call {
  @UuidPrimaryColumn()
  id: string;

  @Index('uq_calls_retell_call_id', { unique: true })
  @Column('varchar', { length: 128 })
  retellCallId: string;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company | null;

  @Column('uuid', { nullable: true })
  branchId: string | null;

  @ManyToOne(() => Branch, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'branch_id' })
  branch?: Branch | null;

  @Index('ix_calls_customer')
  @Column('uuid', { nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer | null;

  @Column('varchar', { length: 128, nullable: true })
  agentId: string | null;

  @Column('varchar', { length: 16, nullable: true })
  callType: string | null;

  @Column('varchar', { length: 16, nullable: true })
  direction: string | null;

  /** As Retell sent it: E.164, a number without `+`, a SIP URI or `anonymous`. Matching uses the E.164 form. */
  @Column('varchar', { length: 255, nullable: true })
  fromNumber: string | null;

  @Column('varchar', { length: 255, nullable: true })
  toNumber: string | null;

  @Column('varchar', { length: 32, nullable: true })
  status: string | null;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('integer', { nullable: true })
  durationMs: number | null;

  @Column('text', { nullable: true })
  transcript: string | null;

  /** Retell's `transcript_object` (turns with per-word timings), stored once; large, so read only when asked for. */
  @Column('jsonb', { nullable: true, select: false })
  transcriptObject: unknown[] | null;

  @Column('jsonb', { nullable: true })
  analysis: Record<string, unknown> | null;

  @Column('numeric', { precision: 12, scale: 4, nullable: true, transformer: numericTransformer })
  costCents: number | null;

  @Column('jsonb', { nullable: true })
  costBreakdown: CallCost | null;

  @Column('varchar', { length: 64, nullable: true })
  disconnectionReason: string | null;

  @Column('text', { nullable: true })
  recordingUrl: string | null;

  /** Rank of the latest lifecycle event applied (started 1, ended 2, analyzed 3): later events win, replays converge. */
  @Column('smallint', { default: 0 })
  lastEventRank: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
