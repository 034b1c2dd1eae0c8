import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { ACTIVE_APPOINTMENT_STATUSES, Appointment, AppointmentStatus } from './appointment.entity';

export interface UpcomingAppointment {
  id: string;
  serviceName: string | null;
  startAt: Date;
  endAt: Date;
  status: AppointmentStatus;
}

@Injectable()
export class AppointmentsService {
  constructor(@InjectRepository(Appointment) private readonly appointments: Repository<Appointment>) {}

  /** A customer's active appointments from now on, soonest first. */
  async upcomingFor(companyId: string, customerId: string, now = new Date()): Promise<UpcomingAppointment[]> {
    const rows = await this.appointments.find({
      where: { companyId, customerId, startAt: MoreThan(now), status: In([...ACTIVE_APPOINTMENT_STATUSES]) },
      relations: { service: true },
      order: { startAt: 'ASC' },
      take: 10,
    });
    return rows.map((row) => ({ id: row.id, serviceName: row.service?.name ?? null, startAt: row.startAt, endAt: row.endAt, status: row.status }));
  }
}
