import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';
import { Company } from './company.entity';

/** Weekday (mon…sun) → list of [open, close] in the company's timezone, "HH:mm". */
export type OpeningHours = Partial<Record<Weekday, Array<[string, string]>>>;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

@Entity('branches')
@Unique('uq_branches_company_name', ['companyId', 'name'])
export class Branch {
  @UuidPrimaryColumn()
  id: string;

  @Column('uuid')
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  openingHours: OpeningHours;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
