import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { AppointmentHistoryService, kindOf } from './appointment-history.service';
import { claimParameters, HELD_BY_OTHER, heldParameters, INSERT_CLAIM } from './appointment-claim-sql';
import { lockSlots } from './holds/held-slots';

export interface ClaimValues {
  companyId: string;
  customerId: string | null;
  serviceId: string;
  callId: string | null;
  eventTypeId: number;
  start: Date;
  end: Date;
  singleHost: boolean;
  idempotencyKey: string;
  attendeeName: string;
  attendeeEmail: string | null;
  attendeePhone: string | null;
  notes: string | null;
  rescheduledFromId: string | null;
  /** Who books: a slot someone else holds cannot be claimed; the holder's own hold is no obstacle. */
  holder: string | null;
}

/** `owner`: this request must talk to Cal.com. `reconcile`: an earlier attempt may have booked, look it up first. */
export type Claim = { row: Appointment; owner: false } | { row: Appointment; owner: true; reconcile: boolean };

/** TypeORM wraps every driver error (QueryFailedError.driverError). */
const isUniqueViolation = (error: unknown, constraint: string) => {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && driver.constraint === constraint;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The database side of idempotency and double-booking protection. A booking first claims its row: the unique
 * idempotency key turns a retry into a replay, and for single-host services the partial unique index on
 * (event type, start) lets only one active claim per slot exist, whichever instance or request makes it.
 */
@Injectable()
export class AppointmentClaimsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Appointment) private readonly appointments: Repository<Appointment>,
    @Inject(calcomConfig.KEY) private readonly config: CalcomConfig,
    private readonly history: AppointmentHistoryService,
  ) {}

  /** A claim still `booking` after this long belongs to a request that died: someone else may settle it. */
  get staleAfterMs(): number {
    return this.config.timeoutMs * 2 + 2000;
  }

  /** Claims the slot for this key, or finds what an earlier request with the same key did. */
  async claim(values: ClaimValues, resolveHolder: (holder: Appointment) => Promise<boolean>): Promise<Claim> {
    const inserted = await this.insert(values, resolveHolder);
    if (inserted) return { row: inserted, owner: true, reconcile: false };
    return this.resume(values, resolveHolder);
  }

  /** Settles a row the gateway's own request decided; what the caller can see of it goes into its history. */
  async settle(
    row: Appointment,
    changes: Partial<Pick<Appointment, 'status' | 'calcomBookingUid' | 'startAt' | 'endAt' | 'cancellationReason'>>,
  ): Promise<Appointment> {
    await this.appointments.update({ id: row.id }, changes);
    const settled = await this.appointments.findOneByOrFail({ id: row.id });
    const kind = kindOf(settled);
    if (kind && settled.status !== row.status) await this.history.record(settled, kind, 'call');
    return settled;
  }

  /** Moves a row from one status to another only if nobody else moved it first. */
  async transition(row: Appointment, from: AppointmentStatus, to: AppointmentStatus): Promise<boolean> {
    const result = await this.appointments.update({ id: row.id, status: from }, { status: to });
    return Boolean(result.affected);
  }

  findByKey(idempotencyKey: string): Promise<Appointment | null> {
    return this.appointments.findOneBy({ idempotencyKey });
  }

  /** The single-host claim that holds a slot while its outcome is unknown (in flight too long, or timed out). */
  private findUnsettledHolder({ companyId, eventTypeId, start }: ClaimValues): Promise<Appointment | null> {
    return this.appointments.findOne({
      where: {
        companyId,
        calcomEventTypeId: eventTypeId,
        startAt: start,
        singleHost: true,
        status: In(['booking', 'uncertain']),
      },
    });
  }

  private isStale(row: Appointment): boolean {
    return row.status === 'uncertain' || Date.now() - row.updatedAt.getTime() > this.staleAfterMs;
  }

  private async insert(
    values: ClaimValues,
    resolveHolder: (holder: Appointment) => Promise<boolean>,
    retried = false,
  ): Promise<Appointment | null> {
    try {
      const rows = await this.insertRow(values);
      if (rows.length > 0) return this.appointments.findOneByOrFail({ id: rows[0].id });
      // Nothing inserted and no row of this key: the slot is held by another caller.
      if (!(await this.findByKey(values.idempotencyKey))) throw new DomainError('SLOT_TAKEN', 'The slot is held');
      return null;
    } catch (error) {
      if (!isUniqueViolation(error, 'uq_appointments_active_slot')) throw error;
      const holder = retried ? null : await this.findUnsettledHolder(values);
      if (holder && this.isStale(holder) && (await resolveHolder(holder)))
        return this.insert(values, resolveHolder, true);
      throw new DomainError('SLOT_TAKEN', 'The slot is held by another booking');
    }
  }

  /** A single-host claim takes the slots' lock, so no hold of the same time can be made meanwhile. */
  private insertRow(values: ClaimValues): Promise<Array<{ id: string }>> {
    const params = claimParameters(values);
    if (!values.singleHost) return this.dataSource.query(INSERT_CLAIM, params);
    return this.dataSource.transaction(async (manager) => {
      await lockSlots(manager, values.companyId, values.eventTypeId);
      return manager.query(INSERT_CLAIM, params);
    });
  }

  private async resume(values: ClaimValues, resolveHolder: (holder: Appointment) => Promise<boolean>): Promise<Claim> {
    const deadline = Date.now() + this.config.timeoutMs + 1000;
    for (;;) {
      const row = await this.appointments.findOneByOrFail({ idempotencyKey: values.idempotencyKey });
      if (row.status === 'accepted' || row.status === 'pending') return { row, owner: false };
      if (row.status === 'failed' || row.status === 'rejected') {
        if (await this.reclaim(row, row.status, values)) return { row, owner: true, reconcile: false };
      } else if (row.status === 'uncertain') {
        if (await this.transition(row, 'uncertain', 'booking')) return { row, owner: true, reconcile: true };
      } else if (row.status === 'cancelled') {
        // Booked, cancelled, and now booked again in the same call: the old row keeps its history under another key.
        await this.appointments.update({ id: row.id }, { idempotencyKey: `${row.idempotencyKey}#${row.id}` });
        return this.claim(values, resolveHolder);
      } else if (this.isStale(row)) {
        if (await this.takeOverStale(row)) return { row, owner: true, reconcile: true };
      } else if (Date.now() > deadline) {
        throw new DomainError('CALCOM_BUSY', 'The same booking is still in progress');
      } else {
        await sleep(100);
      }
    }
  }

  /** Compared in the database, so two retries of a dead request cannot both take it over. */
  private async takeOverStale(row: Appointment): Promise<boolean> {
    const result = await this.appointments
      .createQueryBuilder()
      .update()
      .set({ status: 'booking' })
      .where("id = :id AND status = 'booking' AND updated_at < now() - make_interval(secs => :seconds)", {
        id: row.id,
        seconds: this.staleAfterMs / 1000,
      })
      .execute();
    return Boolean(result.affected);
  }

  /** A definitive failure may be tried again, if the slot is still free and nobody else holds it. */
  private async reclaim(row: Appointment, from: AppointmentStatus, values: ClaimValues): Promise<boolean> {
    const held = await this.dataSource.query(HELD_BY_OTHER, heldParameters(values));
    if (held.length > 0) throw new DomainError('SLOT_TAKEN', 'The slot is held');
    try {
      return await this.transition(row, from, 'booking');
    } catch (error) {
      if (isUniqueViolation(error, 'uq_appointments_active_slot'))
        throw new DomainError('SLOT_TAKEN', 'The slot is held by another booking');
      throw error;
    }
  }
}
