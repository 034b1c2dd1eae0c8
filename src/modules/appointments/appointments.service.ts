import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, In, MoreThan, Repository } from 'typeorm';
import { CalcomClient } from '../calcom/calcom.client';
import { CalcomError } from '../calcom/calcom.errors';
import type { CalcomAccount } from '../calcom/calcom.types';
import { ACTIVE_APPOINTMENT_STATUSES, Appointment } from './appointment.entity';

const ACTIVE = In([...ACTIVE_APPOINTMENT_STATUSES]);

/** Reading a caller's appointments, mirrored from Cal.com where it knows better. */
@Injectable()
export class AppointmentsService {
  private readonly logger = new Logger(AppointmentsService.name);

  constructor(
    @InjectRepository(Appointment) private readonly appointments: Repository<Appointment>,
    private readonly client: CalcomClient,
  ) {}

  /** A customer's active appointments from now on, soonest first, with their service. */
  upcomingFor(companyId: string, customerId: string, now = new Date()): Promise<Appointment[]> {
    return this.appointments.find({
      where: { companyId, customerId, startAt: MoreThan(now), status: ACTIVE },
      relations: { service: true },
      order: { startAt: 'ASC' },
      take: 10,
    });
  }

  /** The caller's upcoming appointments, by id or on one day (in the company's timezone), or all of them. */
  async findForCaller(
    companyId: string,
    customerId: string,
    filter: { appointmentId?: string; day?: string; timeZone: string; includeCancelled?: boolean },
    now = new Date(),
  ): Promise<Appointment[]> {
    if (filter.appointmentId) {
      const row = await this.appointments.findOne({
        where: { id: filter.appointmentId, companyId, customerId },
        relations: { service: true },
      });
      return row ? [await this.current(row)] : [];
    }
    if (!filter.day) return this.upcomingFor(companyId, customerId, now);
    const day = DateTime.fromISO(filter.day, { zone: filter.timeZone });
    const onDay = Between(day.startOf('day').toJSDate(), day.endOf('day').toJSDate());
    const active = await this.appointments.find({
      where: { companyId, customerId, status: ACTIVE, startAt: onDay },
      relations: { service: true },
      order: { startAt: 'ASC' },
    });
    if (active.length > 0 || !filter.includeCancelled) return active;
    // A repeated cancel finds what the first one cancelled, and can say so.
    const cancelled = await this.appointments.findOne({
      where: { companyId, customerId, status: 'cancelled', startAt: onDay },
      relations: { service: true },
      order: { updatedAt: 'DESC' },
    });
    return cancelled ? [cancelled] : [];
  }

  /**
   * Brings rows in line with Cal.com, where the business may have cancelled, confirmed or moved a booking. One
   * request per booking, all in parallel; when Cal.com cannot be reached, our rows are answered as they are.
   */
  async reconcile(account: CalcomAccount, rows: Appointment[]): Promise<Appointment[]> {
    const updated = await Promise.all(rows.map((row) => this.reconcileOne(account, row)));
    return updated.filter((row) => row.status === 'accepted' || row.status === 'pending');
  }

  private async reconcileOne(account: CalcomAccount, row: Appointment): Promise<Appointment> {
    if (!row.calcomBookingUid) return row;
    try {
      let booking = await this.client.getBooking(account, row.calcomBookingUid);
      if (booking.rescheduledToUid) booking = await this.client.getBooking(account, booking.rescheduledToUid);
      const changes = {
        calcomBookingUid: booking.uid,
        status: booking.status,
        startAt: booking.start,
        endAt: booking.end,
      };
      if (
        changes.calcomBookingUid !== row.calcomBookingUid ||
        changes.status !== row.status ||
        changes.startAt.getTime() !== row.startAt.getTime()
      ) {
        await this.appointments.update({ id: row.id }, changes);
      }
      return Object.assign(row, changes);
    } catch (error) {
      if (error instanceof CalcomError && error.code === 'NOT_FOUND') {
        await this.appointments.update({ id: row.id }, { status: 'cancelled' });
        return Object.assign(row, { status: 'cancelled' as const });
      }
      this.logger.warn(
        { appointmentId: row.id, error: (error as Error).message },
        'Could not reconcile with Cal.com; answering from our rows',
      );
      return row;
    }
  }

  /** An appointment that was moved lives on in its successor. */
  private async current(row: Appointment): Promise<Appointment> {
    let current = row;
    for (
      let hops = 0;
      hops < 10 && current.status === 'cancelled' && current.cancellationReason === 'rescheduled';
      hops += 1
    ) {
      const next = await this.appointments.findOne({
        where: { rescheduledFromId: current.id },
        relations: { service: true },
        order: { createdAt: 'DESC' },
      });
      if (!next) break;
      current = next;
    }
    return current;
  }
}
