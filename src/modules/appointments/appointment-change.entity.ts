import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '../../database/columns';
import { Appointment } from './appointment.entity';

/** What happened to an appointment. */
export type ChangeKind =
  'booked' | 'requested' | 'confirmed' | 'rescheduled' | 'moved' | 'cancelled' | 'rejected' | 'no_show' | 'showed';

/** Who told us: the gateway itself (a call), Cal.com's webhook, or a reconciliation with Cal.com's API. */
export type ChangeSource = 'call' | 'calcom_webhook' | 'reconciliation';

/** One change of an appointment, where it came from and when: the history operators read. */
@Entity('appointment_changes')
@Index('ix_appointment_changes_origin', ['originId', 'occurredAt'])
export class AppointmentChange {
  @UuidPrimaryColumn()
  id: string;

  @Column('uuid')
  appointmentId: string;

  @ManyToOne(() => Appointment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appointment_id' })
  appointment?: Appointment;

  @Column('uuid')
  originId: string;

  @Column('varchar', { length: 24 })
  kind: ChangeKind;

  @Column('varchar', { length: 16 })
  source: ChangeSource;

  @Column('varchar', { length: 128, nullable: true })
  calcomBookingUid: string | null;

  @Column('timestamptz', { nullable: true })
  startAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}
