import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { CallEvent } from './call-event.entity';
import { Call } from './call.entity';
import { FunctionCall } from './function-call.entity';

/** A page of calls, newest first, of one company or all; filtered, and paged by offset or by key. */
export interface CallPage {
  companyId?: string;
  limit?: number;
  offset?: number;
  from?: string;
  to?: string;
  direction?: string;
  outcome?: 'booked' | 'no_booking' | 'failed';
  number?: string;
  beforeCreatedAt?: string;
  beforeId?: string;
}

const OUTCOME_SQL = {
  booked: 'EXISTS (SELECT 1 FROM appointments a WHERE a.call_id = call.id)',
  no_booking: 'NOT EXISTS (SELECT 1 FROM appointments a WHERE a.call_id = call.id)',
  failed:
    "EXISTS (SELECT 1 FROM function_calls f WHERE f.call_id = call.id AND NOT f.success AND f.outcome LIKE 'failed:%')",
};

/** A call with everything stored about it: its events, and the word-level transcript kept as Retell sent it. */
export interface CallRecord {
  call: Call;
  events: CallEvent[];
  transcriptObject: unknown[] | null;
  functionCalls: FunctionCall[];
}

/** Reads of calls for operators, with the company and customer each belongs to. Everything here is personal data. */
@Injectable()
export class CallRecordsService {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallEvent) private readonly events: Repository<CallEvent>,
    @InjectRepository(FunctionCall) private readonly functions: Repository<FunctionCall>,
  ) {}

  /** Newest first (indexed on created_at, id: a deep page costs what the first does when paged by key). */
  recent(page: CallPage, take = 20): Promise<Call[]> {
    const query = this.calls
      .createQueryBuilder('call')
      .leftJoinAndSelect('call.company', 'company')
      .leftJoinAndSelect('call.customer', 'customer')
      .orderBy('call.created_at', 'DESC')
      .addOrderBy('call.id', 'DESC')
      .limit(page.limit ?? take)
      .offset(page.offset ?? 0);
    if (page.companyId) query.andWhere('call.company_id = :companyId', { companyId: page.companyId });
    if (page.from) query.andWhere('call.created_at >= :from', { from: `${page.from}T00:00:00Z` });
    if (page.to) query.andWhere('call.created_at < CAST(:to AS date) + 1', { to: page.to });
    if (page.direction) query.andWhere('call.direction = :direction', { direction: page.direction });
    if (page.outcome) query.andWhere(OUTCOME_SQL[page.outcome]);
    if (page.number) {
      const digits = `%${page.number.replace(/^\+/, '')}%`;
      query.andWhere('(call.from_number LIKE :digits OR call.to_number LIKE :digits)', { digits });
    }
    if (page.beforeCreatedAt && page.beforeId)
      query.andWhere('(call.created_at, call.id) < (:beforeCreatedAt, :beforeId)', page);
    return query.getMany();
  }

  async detail(id: string): Promise<CallRecord> {
    const call = await this.calls.findOne({ where: { id }, relations: { company: true, customer: true } });
    if (!call) throw new DomainError('NOT_FOUND', `Call ${id} not found`);
    const [events, words, functionCalls] = await Promise.all([
      this.events.find({ where: { callId: id }, order: { receivedAt: 'ASC' } }),
      this.calls.findOne({ where: { id }, select: { id: true, transcriptObject: true } }),
      this.functions.find({ where: { callId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { call, events, transcriptObject: words?.transcriptObject ?? null, functionCalls };
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
