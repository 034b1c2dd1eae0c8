import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Company } from './company.entity';

@Entity('customers')
@Unique('uq_customers_company_phone', ['companyId', 'phoneE164'])
export class Customer {
  @UuidPrimaryColumn()
  id: string;

  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('varchar', { length: 200, nullable: true })
  name: string | null;

  @Column('varchar', { length: 16, nullable: true })
  phoneE164: string | null;

  @Column('varchar', { length: 320, nullable: true })
  email: string | null;

  /** The customer asked not to be called: no reminder call is placed to them. */
  @Column('boolean', { default: false })
  doNotCall: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
