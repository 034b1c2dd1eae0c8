import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Appointment } from '../appointments/appointment.entity';
import { CallEvent } from '../calls/call-event.entity';
import { Call } from '../calls/call.entity';
import { Customer } from '../tenants/customer.entity';
import { CallsQueryDto, CustomersQueryDto } from './diagnostics.dto';

/** A call as operators see it in lists: who, which numbers, how it went and what it cost. No transcript. */
export interface CallSummary {
  id: string;
  retellCallId: string;
  company: { id: string; name: string } | null;
  customer: { id: string; name: string | null; phone: string | null } | null;
  direction: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  status: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  costCents: number | null;
  disconnectionReason: string | null;
  createdAt: Date;
}

function toCallSummary(call: Call): CallSummary {
  return {
    id: call.id,
    retellCallId: call.retellCallId,
    company: call.company ? { id: call.company.id, name: call.company.name } : null,
    customer: call.customer ? { id: call.customer.id, name: call.customer.name, phone: call.customer.phoneE164 } : null,
    direction: call.direction,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    status: call.status,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    durationMs: call.durationMs,
    costCents: call.costCents,
    disconnectionReason: call.disconnectionReason,
    createdAt: call.createdAt,
  };
}

/** Read-only views for operators. Everything here holds personal data and sits behind an admin token. */
@Injectable()
export class DiagnosticsReadService {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallEvent) private readonly events: Repository<CallEvent>,
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    @InjectRepository(Appointment) private readonly appointments: Repository<Appointment>,
  ) {}

  async recentCalls(query: CallsQueryDto): Promise<CallSummary[]> {
    const rows = await this.calls.find({
      where: query.companyId ? { companyId: query.companyId } : {},
      relations: { company: true, customer: true },
      order: { createdAt: 'DESC' },
      take: query.limit ?? 20,
      skip: query.offset ?? 0,
    });
    return rows.map(toCallSummary);
  }

  async call(id: string) {
    const call = await this.calls.findOne({ where: { id }, relations: { company: true, customer: true } });
    if (!call) throw new NotFoundException(`Call ${id} not found`);
    const [events, appointments, words] = await Promise.all([
      this.events.find({ where: { callId: id }, order: { receivedAt: 'ASC' } }),
      this.appointments.find({ where: { callId: id }, order: { createdAt: 'ASC' } }),
      this.calls.findOne({ where: { id }, select: { id: true, transcriptObject: true } }),
    ]);
    return {
      ...toCallSummary(call),
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

  listCustomers(query: CustomersQueryDto): Promise<Customer[]> {
    return this.customers.find({
      where: {
        ...(query.companyId ? { companyId: query.companyId } : {}),
        ...(query.phone ? { phoneE164: query.phone } : {}),
      },
      order: { createdAt: 'DESC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
  }

  async customer(id: string) {
    const customer = await this.customers.findOneBy({ id });
    if (!customer) throw new NotFoundException(`Customer ${id} not found`);
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
      ...customer,
      calls: calls.map(toCallSummary),
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
