import { Injectable } from '@nestjs/common';
import { AppointmentRecordsService } from '../appointments/appointment-records.service';
import { CallPage, CallRecordsService } from '../calls/call-records.service';
import { CustomersService } from '../tenants/customers.service';
import { CustomersQueryDto } from './diagnostics.dto';
import { AppointmentChangeResponse } from './responses/appointment.responses';
import { CallDetailResponse, CallSummaryResponse } from './responses/call.responses';
import { CustomerDetailResponse, CustomerResponse } from './responses/customer.responses';

/** Read-only views for operators, through the modules that own the rows. Everything here is personal data. */
@Injectable()
export class DiagnosticsReadService {
  constructor(
    private readonly calls: CallRecordsService,
    private readonly customers: CustomersService,
    private readonly appointments: AppointmentRecordsService,
  ) {}

  async recentCalls(query: CallPage): Promise<CallSummaryResponse[]> {
    return (await this.calls.recent(query)).map(CallSummaryResponse.of);
  }

  async call(id: string): Promise<CallDetailResponse> {
    const [{ call, events, transcriptObject, functionCalls }, rows] = await Promise.all([
      this.calls.detail(id),
      this.appointments.ofCall(id),
    ]);
    // Each appointment once, as its newest row made in the call (a move in the same call made two).
    const appointments = [...new Map(rows.map((row) => [row.originId, row])).values()];
    const changes = await this.appointments.changesOf(appointments.map((a) => a.originId));
    return {
      ...CallSummaryResponse.of(call),
      transcript: call.transcript,
      transcriptObject,
      analysis: call.analysis,
      costBreakdown: call.costBreakdown,
      events: events.map((event) => ({ event: event.event, receivedAt: event.receivedAt })),
      functionCalls: functionCalls.map((f) => ({
        ...{ tool: f.tool, face: f.face, args: f.args, outcome: f.outcome, success: f.success, answer: f.answer },
        durationMs: f.durationMs,
        at: f.createdAt,
        offsetMs: call.startedAt ? f.createdAt.getTime() - call.startedAt.getTime() : null,
      })),
      appointments: appointments.map((a) => ({
        id: a.originId,
        status: a.status,
        startAt: a.startAt,
        calcomBookingUid: a.calcomBookingUid,
        changes: changes.filter((change) => change.originId === a.originId).map(AppointmentChangeResponse.of),
      })),
    };
  }

  async listCustomers(query: CustomersQueryDto): Promise<CustomerResponse[]> {
    return (await this.customers.list(query)).map(CustomerResponse.of);
  }

  async customer(id: string): Promise<CustomerDetailResponse> {
    const customer = await this.customers.get(id);
    const [calls, appointments] = await Promise.all([this.calls.ofCustomer(id), this.appointments.ofCustomer(id)]);
    return {
      ...CustomerResponse.of(customer),
      calls: calls.map(CallSummaryResponse.of),
      appointments: appointments.map((a) => ({
        id: a.originId,
        status: a.status,
        startAt: a.startAt,
        serviceId: a.serviceId,
        calcomBookingUid: a.calcomBookingUid,
      })),
    };
  }
}
