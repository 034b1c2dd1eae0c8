import { ApiProperty } from '@nestjs/swagger';
import type { AppointmentChange } from '../../appointments/appointment-change.entity';
import type { Appointment } from '../../appointments/appointment.entity';
import type { AppointmentRecord } from '../../appointments/appointment-records.service';

const NULLABLE_STRING = { type: String, nullable: true } as const;
const NULLABLE_UUID = { type: String, format: 'uuid', nullable: true } as const;

/** One change of an appointment: what happened, who told the gateway (a call, Cal.com's webhook, a reconciliation). */
export class AppointmentChangeResponse {
  @ApiProperty({ example: 'rescheduled' }) kind: string;
  @ApiProperty({ enum: ['call', 'calcom_webhook', 'reconciliation'] }) source: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty(NULLABLE_STRING) calcomBookingUid: string | null;
  @ApiProperty({ type: Date, nullable: true }) startAt: Date | null;

  static of(change: AppointmentChange): AppointmentChangeResponse {
    const { kind, source, occurredAt, calcomBookingUid, startAt } = change;
    return { kind, source, occurredAt, calcomBookingUid, startAt };
  }
}

/** An appointment by its stable id, as it stands now. */
export class AppointmentResponse {
  @ApiProperty({ format: 'uuid', description: 'Stable across every move (every Cal.com uid it takes)' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty(NULLABLE_UUID) customerId: string | null;
  @ApiProperty(NULLABLE_UUID) serviceId: string | null;
  @ApiProperty(NULLABLE_UUID) callId: string | null;
  @ApiProperty({ example: 'accepted' }) status: string;
  @ApiProperty() startAt: Date;
  @ApiProperty() endAt: Date;
  @ApiProperty(NULLABLE_STRING) calcomBookingUid: string | null;
  @ApiProperty({ enum: ['call', 'calcom'], description: 'Booked through the gateway or elsewhere in Cal.com' })
  source: string;
  @ApiProperty({ type: Boolean, nullable: true }) attendeeNoShow: boolean | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the gateway last learnt its state' })
  lastNewsAt: Date | null;

  static of(row: Appointment): AppointmentResponse {
    const { companyId, customerId, serviceId, callId, status, startAt, endAt, calcomBookingUid } = row;
    const { source, attendeeNoShow, lastNewsAt } = row;
    return {
      ...{ id: row.originId, companyId, customerId, serviceId, callId, status, startAt, endAt, calcomBookingUid },
      ...{ source, attendeeNoShow, lastNewsAt },
    };
  }
}

/** An appointment with the Cal.com uids it took, in order, and its whole history. */
export class AppointmentDetailResponse extends AppointmentResponse {
  @ApiProperty({ type: [String] }) uids: string[];
  @ApiProperty({ type: [AppointmentChangeResponse] }) changes: AppointmentChangeResponse[];

  static ofRecord({ current, chain, changes }: AppointmentRecord): AppointmentDetailResponse {
    const uids = chain.map((row) => row.calcomBookingUid).filter((uid): uid is string => uid !== null);
    return { ...AppointmentResponse.of(current), uids, changes: changes.map(AppointmentChangeResponse.of) };
  }
}
