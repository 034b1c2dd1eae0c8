import { ApiProperty } from '@nestjs/swagger';
import type { Call, CallCost } from '../../calls/call.entity';
import { AppointmentChangeResponse } from './appointment.responses';

const NULLABLE_STRING = { type: String, nullable: true } as const;
const NULLABLE_NUMBER = { type: Number, nullable: true } as const;
const NULLABLE_TIME = { type: Date, nullable: true } as const;
const APPOINTMENT_STATUSES = ['booking', 'uncertain', 'accepted', 'pending', 'cancelled', 'rejected', 'failed'];

export class CompanyRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CustomerRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(NULLABLE_STRING) name: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'E.164' }) phone: string | null;
}

/** A call as operators see it in lists: who, which numbers, how it went and what it cost. No transcript. */
export class CallSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'call_2f9c…' }) retellCallId: string;
  @ApiProperty({ type: CompanyRef, nullable: true }) company: CompanyRef | null;
  @ApiProperty({ type: CustomerRef, nullable: true }) customer: CustomerRef | null;
  @ApiProperty({ ...NULLABLE_STRING, enum: ['inbound', 'outbound'] }) direction: string | null;
  @ApiProperty(NULLABLE_STRING) fromNumber: string | null;
  @ApiProperty(NULLABLE_STRING) toNumber: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: 'ended' }) status: string | null;
  @ApiProperty(NULLABLE_TIME) startedAt: Date | null;
  @ApiProperty(NULLABLE_TIME) endedAt: Date | null;
  @ApiProperty(NULLABLE_NUMBER) durationMs: number | null;
  @ApiProperty(NULLABLE_NUMBER) costCents: number | null;
  @ApiProperty(NULLABLE_STRING) disconnectionReason: string | null;
  @ApiProperty() createdAt: Date;

  static of(call: Call): CallSummaryResponse {
    const { company, customer } = call;
    return {
      id: call.id,
      retellCallId: call.retellCallId,
      company: company ? { id: company.id, name: company.name } : null,
      customer: customer ? { id: customer.id, name: customer.name, phone: customer.phoneE164 } : null,
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
}

export class CallEventResponse {
  @ApiProperty({ example: 'call_ended' }) event: string;
  @ApiProperty() receivedAt: Date;
}

export class AppointmentRef {
  @ApiProperty({ format: 'uuid', description: "The appointment's stable id (GET /api/admin/appointments/{id})" })
  id: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES }) status: string;
  @ApiProperty() startAt: Date;
  @ApiProperty(NULLABLE_STRING) calcomBookingUid: string | null;
}

/** An appointment the call made, with where each of its changes came from and when. */
export class CallAppointment extends AppointmentRef {
  @ApiProperty({ type: [AppointmentChangeResponse] }) changes: AppointmentChangeResponse[];
}

class CostItem {
  @ApiProperty({ example: 'elevenlabs_tts' }) product: string;
  @ApiProperty() costCents: number;
  @ApiProperty(NULLABLE_NUMBER) unitPrice: number | null;
}

class CallCostResponse {
  @ApiProperty() totalCents: number;
  @ApiProperty(NULLABLE_NUMBER) totalDurationSeconds: number | null;
  @ApiProperty({ type: [CostItem] }) items: CostItem[];
}

const OBJECT = { type: 'object', additionalProperties: true, nullable: true } as const;

/** One call with its transcript, Retell's analysis, the cost breakdown, events and the appointments made in it. */
/** One function call the agent made in the call, as the gateway answered it. */
export class FunctionCallResponse {
  @ApiProperty({ example: 'check-availability' }) tool: string;
  @ApiProperty({ enum: ['retell', 'mcp'] }) face: string;
  @ApiProperty({ ...OBJECT, description: 'The arguments as validated; null once erased or past retention' })
  args: Record<string, unknown> | null;
  @ApiProperty({ example: 'unavailable', description: "The result's kind, or failed:<CODE>" }) outcome: string;
  @ApiProperty() success: boolean;
  @ApiProperty({ ...NULLABLE_STRING, description: 'The sentence the agent was given' }) answer: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty() at: Date;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'Milliseconds after the call started, to place it among the turns' })
  offsetMs: number | null;
}

export class CallDetailResponse extends CallSummaryResponse {
  @ApiProperty(NULLABLE_STRING) transcript: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, nullable: true, description: "Retell's transcript_object" })
  transcriptObject: unknown[] | null;
  @ApiProperty({ ...OBJECT, description: "Retell's call_analysis" }) analysis: Record<string, unknown> | null;
  @ApiProperty({ type: CallCostResponse, nullable: true }) costBreakdown: CallCost | null;
  @ApiProperty({ type: [CallEventResponse] }) events: CallEventResponse[];
  @ApiProperty({ type: [CallAppointment] }) appointments: CallAppointment[];
  @ApiProperty({ type: [FunctionCallResponse] }) functionCalls: FunctionCallResponse[];
}
