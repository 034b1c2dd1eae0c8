import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Customer } from './customer.entity';

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
}
