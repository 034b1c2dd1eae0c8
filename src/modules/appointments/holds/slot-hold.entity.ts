import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '../../../database/columns';
import { Company } from '../../tenants/company.entity';

/**
 * A slot the gateway holds for one caller while they decide (the read-back before "yes"): the gateway's other callers
 * and faces see it as taken and cannot book it, and Cal.com holds it too (`reservationUid`) where it can. A hold past
 * `expiresAt` holds nothing, whatever became of the process that made it.
 */
@Entity('slot_holds')
@Index('ix_slot_holds_slot', ['companyId', 'calcomEventTypeId', 'startAt'])
@Index('ix_slot_holds_holder', ['holder'])
@Index('ix_slot_holds_expires', ['expiresAt'])
export class SlotHold {
  @UuidPrimaryColumn()
  id: string;

  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('uuid')
  serviceId: string;

  @Column('integer')
  calcomEventTypeId: number;

  @Column('timestamptz')
  startAt: Date;

  @Column('timestamptz')
  endAt: Date;

  /** Who holds it: the Retell call (its id), else the customer or the caller's number of the request. */
  @Column('varchar', { length: 160 })
  holder: string;

  /** Cal.com's reservation uid; null while it is being made, or when Cal.com could not hold the slot. */
  @Column('varchar', { length: 128, nullable: true })
  reservationUid: string | null;

  /** The Cal.com account that holds it (releasing goes there). */
  @Column('varchar', { length: 64, nullable: true })
  accountId: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
