import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Company } from '../tenants/company.entity';
import { Call } from './call.entity';

/** One function call the gateway answered (either face), kept with its call for the operator console. */
@Entity('function_calls')
@Index('ix_function_calls_call', ['callId', 'createdAt'])
@Index('ix_function_calls_company', ['companyId', 'createdAt'])
export class FunctionCall {
  @UuidPrimaryColumn()
  id: string;

  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  /** Our call row; null for an MCP client without a call. */
  @Column('uuid', { nullable: true })
  callId: string | null;

  @ManyToOne(() => Call, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'call_id' })
  call?: Call | null;

  @Column('varchar', { length: 40 })
  tool: string;

  /** `retell` or `mcp`. */
  @Column('varchar', { length: 8 })
  face: string;

  /** The arguments as validated (unknown ones stripped); null once erased or past retention. */
  @Column('jsonb', { nullable: true })
  args: Record<string, unknown> | null;

  /** The result's kind (`free`, `unavailable`, `booked`, …) or `failed:<CODE>`. */
  @Column('varchar', { length: 64 })
  outcome: string;

  @Column('boolean')
  success: boolean;

  /** The sentence the agent was given; null once erased or past retention. */
  @Column('text', { nullable: true })
  answer: string | null;

  @Column('integer')
  durationMs: number;

  @CreatedAtColumn()
  createdAt: Date;
}
