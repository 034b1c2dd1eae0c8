import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, MoreThan, Repository } from 'typeorm';
import { ACTIVE_APPOINTMENT_STATUSES, Appointment } from './appointment.entity';

/**
 * A caller's personal fields on their appointments, by number or customer; $3 one company or null for all. The rows
 * stay, so bookings still add up.
 */
const ERASE_CALLER = `
  UPDATE appointments SET attendee_name = NULL, attendee_email = NULL, attendee_phone = NULL, notes = NULL,
    customer_id = NULL, updated_at = now()
  WHERE (attendee_phone = $1 OR customer_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR company_id = $3::uuid)`;

/** Appointments as operators and erasure see them: by call, by customer; and a caller's erasure. */
@Injectable()
export class AppointmentRecordsService {
  constructor(@InjectRepository(Appointment) private readonly appointments: Repository<Appointment>) {}

  ofCall(callId: string): Promise<Appointment[]> {
    return this.appointments.find({ where: { callId }, order: { createdAt: 'ASC' } });
  }

  ofCustomer(customerId: string): Promise<Appointment[]> {
    return this.appointments.find({ where: { customerId }, order: { startAt: 'DESC' }, take: 50 });
  }

  /** The active appointments still ahead of these customers, with their company (its timezone). */
  upcomingOf(customerIds: string[], now = new Date()): Promise<Appointment[]> {
    if (customerIds.length === 0) return Promise.resolve([]);
    return this.appointments.find({
      where: { customerId: In(customerIds), status: In([...ACTIVE_APPOINTMENT_STATUSES]), startAt: MoreThan(now) },
      relations: { company: true },
    });
  }

  /** Erases a caller's personal fields, in the erasure's transaction; answers how many appointments held them. */
  async eraseCaller(manager: EntityManager, phone: string, customerIds: string[], companyId?: string): Promise<number> {
    const [, affected] = await manager.query(ERASE_CALLER, [phone, customerIds, companyId ?? null]);
    return Number(affected);
  }
}
