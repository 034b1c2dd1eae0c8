import { RemindersService } from '../reminders/reminders.service';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppointmentRecordsService } from '../appointments/appointment-records.service';
import { BookingService } from '../appointments/booking.service';
import { CallsService } from '../calls/calls.service';
import { CompanyAccountsService } from '../tenants/company-accounts.service';
import { CustomersService } from '../tenants/customers.service';

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
    private readonly customers: CustomersService,
    private readonly calls: CallsService,
    private readonly appointments: AppointmentRecordsService,
    private readonly booking: BookingService,
    private readonly accounts: CompanyAccountsService,
    private readonly reminders: RemindersService,
  ) {}

  /** Each owner erases its own rows, all in one transaction. */
  async eraseByPhone(phone: string, options: { companyId?: string; cancelBookings?: boolean }): Promise<ErasureReport> {
    const ids = (await this.customers.findByPhone(phone, options.companyId)).map((customer) => customer.id);
    const cancelled = options.cancelBookings ? await this.cancelUpcoming(ids) : { done: 0, failed: 0 };
    const report = await this.dataSource.transaction(async (manager) => {
      const calls = await this.calls.eraseCaller(manager, phone, ids, options.companyId);
      const appointments = await this.appointments.eraseCaller(manager, phone, ids, options.companyId);
      await this.reminders.eraseCustomers(manager, ids);
      await this.customers.remove(manager, ids);
      return { customers: ids.length, calls, appointments };
    });
    this.logger.log({ ...report, cancelledBookings: cancelled.done }, 'Caller erased');
    return { ...report, cancelledBookings: cancelled.done, failedCancellations: cancelled.failed };
  }

  private async cancelUpcoming(customerIds: string[]): Promise<{ done: number; failed: number }> {
    const upcoming = await this.appointments.upcomingOf(customerIds);
    let done = 0;
    for (const appointment of upcoming) {
      try {
        const account = await this.accounts.calcomAccount(appointment.companyId);
        if (!account) throw new Error('No Cal.com key');
        const zone = appointment.company?.timezone ?? 'UTC';
        await this.booking.cancel(account, zone, appointment, 'Personal data erased at the customer’s request');
        done += 1;
      } catch (error) {
        this.logger.warn(
          { appointmentId: appointment.id, error: (error as Error).message },
          'Could not cancel a booking during erasure',
        );
      }
    }
    return { done, failed: upcoming.length - done };
  }
}
