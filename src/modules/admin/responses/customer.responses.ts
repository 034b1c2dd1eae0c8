import { ApiProperty } from '@nestjs/swagger';
import type { ErasureReport } from '../gdpr.service';
import type { Customer } from '../../tenants/customer.entity';
import { AppointmentRef, CallSummaryResponse } from './call.responses';

const NULLABLE_STRING = { type: String, nullable: true } as const;

export class CustomerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty(NULLABLE_STRING) name: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'E.164' }) phoneE164: string | null;
  @ApiProperty(NULLABLE_STRING) email: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(customer: Customer): CustomerResponse {
    const { id, companyId, name, phoneE164, email, createdAt, updatedAt } = customer;
    return { id, companyId, name, phoneE164, email, createdAt, updatedAt };
  }
}

export class CustomerAppointment extends AppointmentRef {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) serviceId: string | null;
}

/** A customer with their last 50 calls and appointments. */
export class CustomerDetailResponse extends CustomerResponse {
  @ApiProperty({ type: [CallSummaryResponse] }) calls: CallSummaryResponse[];
  @ApiProperty({ type: [CustomerAppointment] }) appointments: CustomerAppointment[];
}

/** What an erasure found and did; repeating it reports zeros. */
export class ErasureReportResponse implements ErasureReport {
  @ApiProperty() customers: number;
  @ApiProperty() calls: number;
  @ApiProperty() appointments: number;
  @ApiProperty() cancelledBookings: number;
  @ApiProperty({ description: 'Bookings that could not be cancelled in Cal.com (the erasure of our data went ahead)' })
  failedCancellations: number;
}
