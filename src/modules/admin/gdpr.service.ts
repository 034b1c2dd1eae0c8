import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import { Appointment } from '../appointments/appointment.entity';
import { BookingService } from '../appointments/booking.service';
import type { CalcomAccount } from '../calcom/calcom.types';
import { CompanyAccountsService } from '../tenants/company-accounts.service';
import { Customer } from '../tenants/customer.entity';

export interface ErasureReport {
  customers: number;
  calls: number;
  appointments: number;
  cancelledBookings: number;
  /** Bookings that could not be cancelled in Cal.com (the erasure of our data went ahead). */
  failedCancellations: number;
}

/**
 * Erases a caller by phone number: their customer rows, the transcripts, analyses and their number in calls, and
 * the personal fields of their appointments. Call and appointment rows stay (without personal data) so costs and
 * bookings still add up. Cal.com bookings are cancelled only when asked. Repeating it finds nothing and erases nothing.
 */
@Injectable()
export class GdprService {
  private readonly logger = new Logger(GdprService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly booking: BookingService,
    private readonly accounts: CompanyAccountsService,
  ) {}

  async eraseByPhone(phone: string, options: { companyId?: string; cancelBookings?: boolean }): Promise<ErasureReport> {
    const customers = await this.dataSource
      .getRepository(Customer)
      .find({ where: { phoneE164: phone, ...(options.companyId ? { companyId: options.companyId } : {}) } });
    const customerIds = customers.map((customer) => customer.id);
    const cancelled = options.cancelBookings ? await this.cancelUpcoming(customerIds) : { done: 0, failed: 0 };
    const report = await this.dataSource.transaction(async (manager) => {
      const company = options.companyId ? `AND company_id = $2` : '';
      const params = options.companyId ? [phone, options.companyId] : [phone];
      const [, calls] = await manager.query(
        `UPDATE calls SET transcript = NULL, transcript_object = NULL, analysis = NULL, recording_url = NULL, customer_id = NULL,
           from_number = CASE WHEN from_number = $1 THEN NULL ELSE from_number END,
           to_number = CASE WHEN to_number = $1 THEN NULL ELSE to_number END, updated_at = now()
         WHERE (from_number = $1 OR to_number = $1
           OR customer_id IN (SELECT id FROM customers WHERE phone_e164 = $1 ${company})) ${company}`,
        params,
      );
      const [, appointments] = await manager.query(
        `UPDATE appointments SET attendee_name = NULL, attendee_email = NULL, attendee_phone = NULL, notes = NULL,
           customer_id = NULL, updated_at = now()
         WHERE (attendee_phone = $1
           OR customer_id IN (SELECT id FROM customers WHERE phone_e164 = $1 ${company})) ${company}`,
        params,
      );
      if (customerIds.length > 0) await manager.getRepository(Customer).delete({ id: In(customerIds) });
      return { customers: customerIds.length, calls: Number(calls), appointments: Number(appointments) };
    });
    this.logger.log({ ...report, cancelledBookings: cancelled.done }, 'Caller erased');
    return { ...report, cancelledBookings: cancelled.done, failedCancellations: cancelled.failed };
  }

  private async cancelUpcoming(customerIds: string[]): Promise<{ done: number; failed: number }> {
    if (customerIds.length === 0) return { done: 0, failed: 0 };
    const upcoming = await this.dataSource.getRepository(Appointment).find({
      where: { customerId: In(customerIds), status: In(['accepted', 'pending']), startAt: MoreThan(new Date()) },
      relations: { company: true },
    });
    let done = 0;
    let failed = 0;
    const accounts = new Map<string, Promise<CalcomAccount | null>>();
    for (const appointment of upcoming) {
      try {
        if (!accounts.has(appointment.companyId))
          accounts.set(appointment.companyId, this.accounts.calcomAccount(appointment.companyId));
        const account = await accounts.get(appointment.companyId)!;
        if (!account) throw new Error('No Cal.com key');
        await this.booking.cancel(
          account,
          appointment.company?.timezone ?? 'UTC',
          appointment,
          'Personal data erased at the customer’s request',
        );
        done += 1;
      } catch (error) {
        failed += 1;
        this.logger.warn(
          { appointmentId: appointment.id, error: (error as Error).message },
          'Could not cancel a booking during erasure',
        );
      }
    }
    return { done, failed };
  }
}
