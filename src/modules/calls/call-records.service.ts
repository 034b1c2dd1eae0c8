import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { CallEvent } from './call-event.entity';
import { Call } from './call.entity';

/** A page of calls, newest first, of one company or all. */
export interface CallPage {
  companyId?: string;
  limit?: number;
  offset?: number;
}

/** A call with everything stored about it: its events, and the word-level transcript kept as Retell sent it. */
export interface CallRecord {
  call: Call;
  events: CallEvent[];
  transcriptObject: unknown[] | null;
}

/** Reads of calls for operators, with the company and customer each belongs to. Everything here is personal data. */
@Injectable()
export class CallRecordsService {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallEvent) private readonly events: Repository<CallEvent>,
  ) {}

  recent(page: CallPage, take = 20): Promise<Call[]> {
    return this.calls.find({
      where: page.companyId ? { companyId: page.companyId } : {},
      relations: { company: true, customer: true },
      order: { createdAt: 'DESC' },
      take: page.limit ?? take,
      skip: page.offset ?? 0,
    });
  }

  async detail(id: string): Promise<CallRecord> {
    const call = await this.calls.findOne({ where: { id }, relations: { company: true, customer: true } });
    if (!call) throw new DomainError('NOT_FOUND', `Call ${id} not found`);
    const [events, words] = await Promise.all([
      this.events.find({ where: { callId: id }, order: { receivedAt: 'ASC' } }),
      this.calls.findOne({ where: { id }, select: { id: true, transcriptObject: true } }),
    ]);
    return { call, events, transcriptObject: words?.transcriptObject ?? null };
  }

  ofCustomer(customerId: string): Promise<Call[]> {
    return this.calls.find({
      where: { customerId },
      relations: { company: true, customer: true },
      order: { createdAt: 'DESC' },
      take: 50,
    });
  }
}
