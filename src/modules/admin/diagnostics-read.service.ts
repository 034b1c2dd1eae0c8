import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Appointment } from '../appointments/appointment.entity';
import { CallEvent } from '../calls/call-event.entity';
import { Call } from '../calls/call.entity';
import { Customer } from '../tenants/customer.entity';
import { CallsQueryDto, CustomersQueryDto } from './diagnostics.dto';
import { CallDetailResponse, CallSummaryResponse } from './responses/call.responses';
import { CustomerDetailResponse, CustomerResponse } from './responses/customer.responses';

/** Read-only views for operators. Everything here holds personal data and sits behind an admin token. */
@Injectable()
export class DiagnosticsReadService {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallEvent) private readonly events: Repository<CallEvent>,
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    @InjectRepository(Appointment) private readonly appointments: Repository<Appointment>,
  ) {}

  async recentCalls(query: CallsQueryDto): Promise<CallSummaryResponse[]> {
    const rows = await this.calls.find({
      where: query.companyId ? { companyId: query.companyId } : {},
      relations: { company: true, customer: true },
      order: { createdAt: 'DESC' },
      take: query.limit ?? 20,
      skip: query.offset ?? 0,
    });
    return rows.map(CallSummaryResponse.of);
  }

  async call(id: string): Promise<CallDetailResponse> {
    const call = await this.calls.findOne({ where: { id }, relations: { company: true, customer: true } });
    if (!call) throw new DomainError('NOT_FOUND', `Call ${id} not found`);
    const [events, appointments, words] = await Promise.all([
      this.events.find({ where: { callId: id }, order: { receivedAt: 'ASC' } }),
      this.appointments.find({ where: { callId: id }, order: { createdAt: 'ASC' } }),
      this.calls.findOne({ where: { id }, select: { id: true, transcriptObject: true } }),
    ]);
    return {
      ...CallSummaryResponse.of(call),
      transcript: call.transcript,
      transcriptObject: words?.transcriptObject ?? null,
      analysis: call.analysis,
      costBreakdown: call.costBreakdown,
      events: events.map((event) => ({ event: event.event, receivedAt: event.receivedAt })),
      appointments: appointments.map((a) => ({
        id: a.id,
        status: a.status,
        startAt: a.startAt,
        calcomBookingUid: a.calcomBookingUid,
      })),
    };
  }

  async listCustomers(query: CustomersQueryDto): Promise<CustomerResponse[]> {
    const rows = await this.customers.find({
      where: {
        ...(query.companyId ? { companyId: query.companyId } : {}),
        ...(query.phone ? { phoneE164: query.phone } : {}),
      },
      order: { createdAt: 'DESC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
    return rows.map(CustomerResponse.of);
  }

  async customer(id: string): Promise<CustomerDetailResponse> {
    const customer = await this.customers.findOneBy({ id });
    if (!customer) throw new DomainError('NOT_FOUND', `Customer ${id} not found`);
    const [calls, appointments] = await Promise.all([
      this.calls.find({
        where: { customerId: id },
        relations: { company: true, customer: true },
        order: { createdAt: 'DESC' },
        take: 50,
      }),
      this.appointments.find({ where: { customerId: id }, order: { startAt: 'DESC' }, take: 50 }),
    ]);
    return {
      ...CustomerResponse.of(customer),
      calls: calls.map(CallSummaryResponse.of),
      appointments: appointments.map((a) => ({
        id: a.id,
        status: a.status,
        startAt: a.startAt,
        serviceId: a.serviceId,
        calcomBookingUid: a.calcomBookingUid,
      })),
    };
  }
}
