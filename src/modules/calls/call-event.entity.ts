import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '../../database/columns';
import { Call } from './call.entity';

/** One row per distinct Retell event: the unique dedupe key turns Retell's retries into no-ops. */
@Entity('call_events')
@Index('ix_call_events_due', ['receivedAt'], { where: '"processed_at" IS NULL' })
export class CallEvent {
  @UuidPrimaryColumn()
  id: string;

  @Index('ix_call_events_call')
  @Column('uuid')
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column('varchar', { length: 64 })
  event: string;

  @Index('uq_call_events_dedupe_key', { unique: true })
  @Column('varchar', { length: 300 })
  dedupeKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;

  /** When its follow-up work finished (or that it had none); null while due. See CallFollowUps. */
  @Column('timestamptz', { nullable: true })
  processedAt: Date | null;

  @Column('smallint', { default: 0 })
  attempts: number;

  @Column('timestamptz', { nullable: true })
  claimedUntil: Date | null;
}
