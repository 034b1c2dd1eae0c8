import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, MoreThan, Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AppointmentChange } from './appointment-change.entity';
import { ACTIVE_APPOINTMENT_STATUSES, Appointment } from './appointment.entity';

/**
 * A caller's personal fields on their appointments, by number or customer; $3 one company or null for all. The rows
 * stay, so bookings still add up.
 */
const ERASE_CALLER = `
  UPDATE appointments SET attendee_name = NULL, attendee_email = NULL, attendee_phone = NULL, notes = NULL,
    customer_id = NULL, updated_at = now()
  WHERE (attendee_phone = $1 OR customer_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR company_id = $3::uuid)`;

/** A page of appointments, soonest first: of one company or all. */
export interface AppointmentPage {
  companyId?: string;
  limit?: number;
  offset?: number;
}

/** An appointment with every row of its chain (one per Cal.com uid it took) and every change, oldest first. */
export interface AppointmentRecord {
  current: Appointment;
  chain: Appointment[];
  changes: AppointmentChange[];
}

/** Appointments as operators and erasure see them: by call, by customer, by id with history; a caller's erasure. */
@Injectable()
export class AppointmentRecordsService {
  constructor(
    @InjectRepository(Appointment) private readonly appointments: Repository<Appointment>,
    @InjectRepository(AppointmentChange) private readonly changes: Repository<AppointmentChange>,
  ) {}

  /** Each appointment once, as its chain's current row (failed attempts left out). */
  async list(page: AppointmentPage): Promise<Appointment[]> {
    const ids: Array<{ id: string }> = await this.appointments.query(
      `SELECT id FROM (SELECT DISTINCT ON (origin_id) id, start_at FROM appointments
         WHERE status <> 'failed' AND ($1::uuid IS NULL OR company_id = $1::uuid)
         ORDER BY origin_id, created_at DESC) current
       ORDER BY start_at DESC LIMIT $2 OFFSET $3`,
      [page.companyId ?? null, page.limit ?? 100, page.offset ?? 0],
    );
    const rows = await this.appointments.findBy({ id: In(ids.map((row) => row.id)) });
    return ids.map(({ id }) => rows.find((row) => row.id === id)!);
  }

  /** An appointment by its stable id (or any id of its chain). */
  async detail(id: string): Promise<AppointmentRecord> {
    const row = await this.appointments.findOne({ where: [{ originId: id }, { id }] });
    if (!row) throw new DomainError('NOT_FOUND', `Appointment ${id} not found`);
    const chain = await this.appointments.find({ where: { originId: row.originId }, order: { createdAt: 'ASC' } });
    const settled = chain.filter((link) => link.status !== 'failed');
    const current = settled.at(-1) ?? row;
    return { current, chain: settled, changes: await this.changes.find(changesOf([row.originId])) };
  }

  /** The changes of these appointments, oldest first. */
  changesOf(originIds: string[]): Promise<AppointmentChange[]> {
    return originIds.length === 0 ? Promise.resolve([]) : this.changes.find(changesOf(originIds));
  }

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

const changesOf = (originIds: string[]) => ({
  where: { originId: In(originIds) },
  order: { occurredAt: 'ASC' as const },
});
