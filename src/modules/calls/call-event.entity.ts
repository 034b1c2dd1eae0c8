import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '../../database/columns';
import { Call } from './call.entity';

/** One row per distinct Retell event: the unique dedupe key turns Retell's retries into no-ops. */
@Entity('call_events')
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
}
