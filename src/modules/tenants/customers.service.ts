import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { Customer } from './customer.entity';

/** A page of customers, newest first: of one company or all, one number or any. */
export interface CustomerPage {
  companyId?: string;
  phone?: string;
  limit?: number;
  offset?: number;
}

export interface CustomerDetails {
  name: string;
  phone: string | null;
  email?: string | null;
}

@Injectable()
export class CustomersService {
  constructor(@InjectRepository(Customer) private readonly customers: Repository<Customer>) {}

  /** One row per company and phone number: a repeat caller updates their row instead of creating another. */
  async upsert(companyId: string, details: CustomerDetails): Promise<Customer> {
    if (!details.phone) {
      return this.customers.save(
        this.customers.create({ companyId, name: details.name, phoneE164: null, email: details.email ?? null }),
      );
    }
    const values = {
      companyId,
      name: details.name,
      phoneE164: details.phone,
      ...(details.email ? { email: details.email } : {}),
    };
    await this.customers.upsert(values, {
      conflictPaths: ['companyId', 'phoneE164'],
      skipUpdateIfNoValuesChanged: true,
    });
    return this.customers.findOneByOrFail({ companyId, phoneE164: details.phone });
  }

  /**
   * The customer (or the owner of a number not yet a customer) asked not to be called: no reminder call reaches them
   * from now on. Their id.
   */
  async doNotCall(companyId: string, who: { id: string } | { phone: string }): Promise<string> {
    if ('id' in who) {
      await this.customers.update({ id: who.id, companyId }, { doNotCall: true });
      return who.id;
    }
    await this.customers.upsert({ companyId, phoneE164: who.phone, doNotCall: true }, ['companyId', 'phoneE164']);
    return (await this.customers.findOneByOrFail({ companyId, phoneE164: who.phone })).id;
  }

  list(page: CustomerPage): Promise<Customer[]> {
    return this.customers.find({
      where: {
        ...(page.companyId ? { companyId: page.companyId } : {}),
        ...(page.phone ? { phoneE164: page.phone } : {}),
      },
      order: { createdAt: 'DESC' },
      take: page.limit ?? 100,
      skip: page.offset ?? 0,
    });
  }

  async get(id: string): Promise<Customer> {
    const customer = await this.customers.findOneBy({ id });
    if (!customer) throw new DomainError('NOT_FOUND', `Customer ${id} not found`);
    return customer;
  }

  /** The customers with this number: of one company, or of every company. */
  findByPhone(phone: string, companyId?: string): Promise<Customer[]> {
    return this.customers.findBy({ phoneE164: phone, ...(companyId ? { companyId } : {}) });
  }

  /**
   * The customer a booking made elsewhere belongs to, in the caller's transaction: the company's customer with that
   * number, else with that address; a new one only for a number (an address alone never makes a customer).
   */
  async forBooking(
    manager: EntityManager,
    companyId: string,
    person: { name: string | null; phone: string | null; email: string | null },
  ): Promise<string | null> {
    const repository = manager.getRepository(Customer);
    const known =
      (person.phone ? await repository.findOneBy({ companyId, phoneE164: person.phone }) : null) ??
      (person.email ? await repository.findOneBy({ companyId, email: person.email }) : null);
    if (known || !person.phone) return known?.id ?? null;
    const name = (person.name ?? '').slice(0, 200) || person.phone;
    await repository.upsert(
      { companyId, name, phoneE164: person.phone, email: person.email },
      { conflictPaths: ['companyId', 'phoneE164'], skipUpdateIfNoValuesChanged: true },
    );
    return (await repository.findOneByOrFail({ companyId, phoneE164: person.phone })).id;
  }

  /** Deletes customers, in the caller's transaction (a caller's erasure). */
  async remove(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.getRepository(Customer).delete({ id: In(ids) });
  }
}
