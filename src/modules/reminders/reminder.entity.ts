import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Company } from '../tenants/company.entity';

/** Waiting to be called (`scheduled`, `retry`), being placed (`calling`), placed and ringing (`placed`). */
export const OPEN_REMINDER = ['scheduled', 'retry', 'calling', 'placed'] as const;
/** How a reminder ended; `dropped`: its appointment went (cancelled, moved past it, the customer opted out). */
export const REMINDER_OUTCOMES = [
  'confirmed',
  'rescheduled',
  'cancelled',
  'no_answer',
  'voicemail',
  'declined',
  'failed',
  'dropped',
] as const;
export type ReminderStatus = (typeof OPEN_REMINDER)[number] | (typeof REMINDER_OUTCOMES)[number];

/** One reminder call of one appointment (by its stable id, the same across moves) and lead time. */
@Entity('reminders')
@Index('uq_reminders_appointment_lead', ['appointmentOriginId', 'leadMinutes'], { unique: true })
@Index('ix_reminders_due', ['status', 'nextAt'])
@Index('ix_reminders_company', ['companyId', 'dueAt'])
export class Reminder {
  @UuidPrimaryColumn()
  id: string;

  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('uuid')
  appointmentOriginId: string;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @Column('integer')
  leadMinutes: number;

  /** The appointment's start it was planned for: a move plans it again. */
  @Column('timestamptz')
  appointmentStart: Date;

  /** Start minus lead time. */
  @Column('timestamptz')
  dueAt: Date;

  /** When to call next: the due time, or the window's next opening, or a retry's time. */
  @Column('timestamptz')
  nextAt: Date;

  @Column('varchar', { length: 16 })
  status: ReminderStatus;

  @Column('smallint', { default: 0 })
  attempts: number;

  /** While `calling`: the instance that claimed it owns it until then. */
  @Column('timestamptz', { nullable: true })
  leaseUntil: Date | null;

  @Index('ix_reminders_call')
  @Column('varchar', { length: 128, nullable: true })
  retellCallId: string | null;

  /** Why it ended so, or why the last attempt failed (Retell's refusal, the disconnection reason). */
  @Column('varchar', { length: 500, nullable: true })
  reason: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
