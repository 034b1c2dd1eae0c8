import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Branch } from './branch.entity';
import { Company } from './company.entity';

/** A bookable service, mapped to one Cal.com event type. */
@Entity('services')
@Index('uq_services_company_branch_name', { synchronize: false })
export class Service {
  @UuidPrimaryColumn()
  id: string;

  @Index('ix_services_company')
  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('uuid', { nullable: true })
  branchId: string | null;

  @ManyToOne(() => Branch, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'branch_id' })
  branch?: Branch | null;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text', { array: true, default: () => "'{}'" })
  synonyms: string[];

  @Column('integer')
  calcomEventTypeId: number;

  @Column('integer')
  durationMinutes: number;

  /** A Cal.com team event type with several hosts: Cal.com decides how many bookings fit one slot. */
  @Column('boolean', { default: false })
  multiHost: boolean;

  @Column('boolean', { default: true })
  active: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
