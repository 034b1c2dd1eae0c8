import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Reminder, ReminderStatus } from './reminder.entity';

export interface ReminderQuery {
  companyId?: string;
  status?: ReminderStatus[];
  limit?: number;
  offset?: number;
}

/** The reminders as an operator reads them: newest due first, by company and status. */
@Injectable()
export class RemindersService {
  constructor(@InjectRepository(Reminder) private readonly reminders: Repository<Reminder>) {}

  /** A caller's erasure: their reminders go with them, in the caller's transaction. */
  async eraseCustomers(manager: EntityManager, customerIds: string[]): Promise<number> {
    if (customerIds.length === 0) return 0;
    return (await manager.getRepository(Reminder).delete({ customerId: In(customerIds) })).affected ?? 0;
  }

  list(query: ReminderQuery): Promise<Reminder[]> {
    return this.reminders.find({
      where: {
        ...(query.companyId ? { companyId: query.companyId } : {}),
        ...(query.status?.length ? { status: In(query.status) } : {}),
      },
      order: { dueAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
  }
}
