import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
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
