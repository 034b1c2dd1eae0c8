import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, In, MoreThan, Not, Repository } from 'typeorm';
import { ACTIVE_APPOINTMENT_STATUSES, Appointment } from './appointment.entity';

const ACTIVE = In([...ACTIVE_APPOINTMENT_STATUSES]);
/** A row that holds or is taking the slot: the current one of a moved appointment is among these. */
const LIVE = new Set(['accepted', 'pending', 'booking', 'uncertain']);

/** Reading a caller's appointments. */
@Injectable()
export class AppointmentsService {
  constructor(@InjectRepository(Appointment) private readonly appointments: Repository<Appointment>) {}

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
      // The stable id (any id of its chain works too): the row that holds the appointment now.
      const id = filter.appointmentId;
      const row = await this.appointments.findOne({
        where: [
          { originId: id, companyId, customerId },
          { id, companyId, customerId },
        ],
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

  /** The appointment's row that holds it now: the newest of its chain that is not a failed attempt. */
  private async current(row: Appointment): Promise<Appointment> {
    const rows = await this.appointments.find({
      where: { originId: row.originId, companyId: row.companyId, status: Not(In(['failed'])) },
      relations: { service: true },
      order: { createdAt: 'DESC' },
      take: 5,
    });
    return rows.find((candidate) => LIVE.has(candidate.status)) ?? rows[0] ?? row;
  }
}
