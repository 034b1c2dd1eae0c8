import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Call } from '../calls/call.entity';
import { Company } from '../tenants/company.entity';
import { Customer } from '../tenants/customer.entity';
import { Service } from '../tenants/service.entity';

/** What the caller has: booked, or requested and waiting for the business to confirm. */
export const ACTIVE_APPOINTMENT_STATUSES = ['accepted', 'pending'] as const;
/**
 * `booking` is held while the Cal.com request is in flight; `uncertain` after it timed out, until a lookup by our
 * booking key settles it. Both already occupy the slot, as do the active ones.
 */
export type AppointmentStatus =
  'booking' | 'uncertain' | (typeof ACTIVE_APPOINTMENT_STATUSES)[number] | 'cancelled' | 'rejected' | 'failed';

/** Where a booking was made: through the gateway (a call), or elsewhere (Cal.com's page, its e-mail links, the host). */
export type AppointmentSource = 'call' | 'calcom';

@Entity('appointments')
@Index('ix_appointments_customer_start', ['customerId', 'startAt'])
@Index('uq_appointments_calcom_booking_uid', ['companyId', 'calcomBookingUid'], { unique: true })
@Index('uq_appointments_active_slot', { synchronize: false })
export class Appointment {
  @UuidPrimaryColumn()
  id: string;

  /**
   * The appointment's stable id: the first row of its chain. A move gives the booking a new Cal.com uid and the
   * appointment a new row (holding the new slot while Cal.com answers); every row of the chain names the first.
   */
  @Index('ix_appointments_origin')
  @Column('uuid')
  originId: string;

  @Index('ix_appointments_company')
  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer | null;

  @Column('uuid', { nullable: true })
  serviceId: string | null;

  @ManyToOne(() => Service, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'service_id' })
  service?: Service | null;

  @Index('ix_appointments_call')
  @Column('uuid', { nullable: true })
  callId: string | null;

  @ManyToOne(() => Call, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'call_id' })
  call?: Call | null;

  @Column('varchar', { length: 128, nullable: true })
  calcomBookingUid: string | null;

  @Column('integer')
  calcomEventTypeId: number;

  @Column('timestamptz')
  startAt: Date;

  @Column('timestamptz')
  endAt: Date;

  @Column('varchar', { length: 16 })
  status: AppointmentStatus;

  /** Copied from the service at booking time; the partial unique index only guards single-host slots. */
  @Column('boolean', { default: true })
  singleHost: boolean;

  @Index('uq_appointments_idempotency_key', { unique: true })
  @Column('varchar', { length: 300 })
  idempotencyKey: string;

  @Column('varchar', { length: 200, nullable: true })
  attendeeName: string | null;

  @Column('varchar', { length: 320, nullable: true })
  attendeeEmail: string | null;

  @Column('varchar', { length: 16, nullable: true })
  attendeePhone: string | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @Index('ix_appointments_rescheduled_from')
  @Column('uuid', { nullable: true })
  rescheduledFromId: string | null;

  @Column('varchar', { length: 16, default: 'call' })
  source: AppointmentSource;

  /** When the booking's state was last learnt: our own request, a Cal.com webhook or a reconciliation. */
  @Column('timestamptz', { nullable: true })
  lastNewsAt: Date | null;

  /** The host marked the attendee as not having come (true), or took that back (false). */
  @Column('boolean', { nullable: true })
  attendeeNoShow: boolean | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
