import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Branch } from './branch.entity';
import { Company } from './company.entity';

@Entity('phone_numbers')
export class PhoneNumber {
  @UuidPrimaryColumn()
  id: string;

  @Index('ix_phone_numbers_company')
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

  @Index('uq_phone_numbers_e164', { unique: true })
  @Column('varchar', { length: 16 })
  e164: string;

  @Column('varchar', { length: 100, nullable: true })
  label: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
