import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Company } from '../tenants/company.entity';

/**
 * A Cal.com webhook delivery that was applied, by the SHA-256 of its bytes: Cal.com sends no delivery id, and a retry
 * is the same bytes again, so a second one finds its row and changes nothing.
 */
@Entity('calcom_deliveries')
export class CalcomDelivery {
  @PrimaryColumn('char', { length: 64 })
  hash: string;

  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('varchar', { length: 48 })
  trigger: string;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
