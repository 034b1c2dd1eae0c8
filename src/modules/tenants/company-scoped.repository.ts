import { DomainError } from '../../common/domain-error';

import { DeepPartial, FindOptionsWhere, Repository } from 'typeorm';
import { definedOnly } from '../../common/objects';
import { Branch } from './branch.entity';

interface CompanyScoped {
  id: string;
  companyId: string;
}

/** CRUD for rows that belong to one company: every read and write is filtered by the company id. */
export class CompanyScopedRepository<T extends CompanyScoped> {
  constructor(
    private readonly rows: Repository<T>,
    private readonly branches: Repository<Branch>,
    private readonly label: string,
    /** Told after every write, so what caches the company's catalog reads it afresh. */
    private readonly changed: (companyId: string) => Promise<void>,
  ) {}

  list(companyId: string, take = 100, skip = 0): Promise<T[]> {
    return this.rows.find({
      where: { companyId } as FindOptionsWhere<T>,
      order: { createdAt: 'ASC' } as never,
      take,
      skip,
    });
  }

  async get(companyId: string, id: string): Promise<T> {
    const row = await this.rows.findOneBy({ id, companyId } as FindOptionsWhere<T>);
    if (!row) throw new DomainError('NOT_FOUND', `${this.label} ${id} not found`);
    return row;
  }

  async create(companyId: string, values: DeepPartial<T> & { branchId?: string | null }): Promise<T> {
    await this.assertBranch(companyId, values.branchId);
    const saved = await this.rows.save(this.rows.create({ ...values, companyId } as DeepPartial<T>));
    await this.changed(companyId);
    return saved;
  }

  async update(companyId: string, id: string, values: DeepPartial<T> & { branchId?: string | null }): Promise<T> {
    const row = await this.get(companyId, id);
    await this.assertBranch(companyId, values.branchId);
    const saved = await this.rows.save(this.rows.merge(row, definedOnly(values) as DeepPartial<T>));
    await this.changed(companyId);
    return saved;
  }

  async remove(companyId: string, id: string): Promise<void> {
    const result = await this.rows.delete({ id, companyId } as FindOptionsWhere<T>);
    if (!result.affected) throw new DomainError('NOT_FOUND', `${this.label} ${id} not found`);
    await this.changed(companyId);
  }

  /** A branch id from a request must name a branch of the same company, never another tenant's. */
  private async assertBranch(companyId: string, branchId: string | null | undefined): Promise<void> {
    if (!branchId) return;
    if (!(await this.branches.existsBy({ id: branchId, companyId }))) {
      throw new DomainError('INVALID_INPUT', `branchId ${branchId} is not a branch of this company`);
    }
  }
}
