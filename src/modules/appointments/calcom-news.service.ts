import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { toE164 } from '../../common/phone';
import { CustomersService } from '../tenants/customers.service';
import { Service } from '../tenants/service.entity';
import type { ChangeKind, ChangeSource } from './appointment-change.entity';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { AppointmentHistoryService } from './appointment-history.service';
import { BookingState, NewsCompany, NewsOutcome, NoShowNews, realEmail, TERMINAL } from './calcom-news';

const KIND: Record<string, ChangeKind> = { accepted: 'booked', pending: 'requested', cancelled: 'cancelled' };

/**
 * Keeps appointments true to what Cal.com says of a booking, whoever changed it: the caller on the phone, on Cal.com's
 * page or through its e-mail links, or the host. A moved booking gets a new row in the appointment's chain (the same
 * stable id, `originId`); a cancelled or rejected one stays so, whatever stale news arrives after; a booking made
 * elsewhere for one of the company's services is stored, linked to the customer with the caller's number or address.
 */
@Injectable()
export class CalcomNewsService {
  constructor(
    private readonly history: AppointmentHistoryService,
    private readonly customers: CustomersService,
  ) {}

  /** Applies one booking's state in the caller's transaction. */
  async apply(
    manager: EntityManager,
    company: NewsCompany,
    state: BookingState,
    source: ChangeSource,
  ): Promise<NewsOutcome> {
    const row = await this.byUid(manager, company.id, state.uid);
    if (row) return this.update(manager, row, state, source);
    const previous = state.previousUid
      ? ((await this.byUid(manager, company.id, state.previousUid)) ?? (await this.moved(manager, company, state)))
      : null;
    if (previous)
      return (await this.moving(manager, previous)) ? 'ignored' : this.move(manager, previous, state, source);
    if (state.bookingKey && (await manager.existsBy(Appointment, { idempotencyKey: state.bookingKey })))
      return 'ignored'; // The gateway's own booking: its request settles the row.
    const service = await this.serviceFor(manager, company.id, state.eventTypeId);
    return service ? this.create(manager, company, service, state, source) : 'ignored';
  }

  /** The host's no-show mark for the attendee of a stored booking. */
  async noShow(manager: EntityManager, companyId: string, news: NoShowNews): Promise<NewsOutcome> {
    const row = await this.byUid(manager, companyId, news.uid);
    if (!row || news.attendees.length === 0) return 'ignored';
    const mine = news.attendees.find((a) => realEmail(a.email) && realEmail(a.email) === realEmail(row.attendeeEmail));
    const noShow = (mine ?? news.attendees[0]).noShow;
    if (row.attendeeNoShow === noShow) return 'ignored';
    await manager.update(Appointment, { id: row.id }, { attendeeNoShow: noShow });
    await this.history.record(row, noShow ? 'no_show' : 'showed', 'calcom_webhook', manager);
    return 'stored';
  }

  /**
   * A reschedule of a booking the gateway never heard of (its create comes later, or never): the old booking is
   * stored as moved, so late news of it does not bring it back.
   */
  private async moved(manager: EntityManager, company: NewsCompany, state: BookingState) {
    const service = await this.serviceFor(manager, company.id, state.eventTypeId);
    if (!service) return null;
    const { previousStart: start = state.start, previousEnd: end = state.end } = state;
    const old = { uid: state.previousUid!, eventTypeId: state.eventTypeId, status: 'cancelled' as const, start, end };
    await this.create(
      manager,
      company,
      service,
      { ...old, attendee: state.attendee, cancellationReason: 'rescheduled' },
      'calcom_webhook',
    );
    return this.byUid(manager, company.id, old.uid);
  }

  /** Whether the gateway is moving this booking itself (its own request settles the successor). */
  private moving(manager: EntityManager, previous: Appointment): Promise<boolean> {
    const inFlight = In(['booking', 'uncertain', 'accepted', 'pending']);
    return manager.existsBy(Appointment, { rescheduledFromId: previous.id, status: inFlight });
  }

  private byUid(manager: EntityManager, companyId: string, uid: string): Promise<Appointment | null> {
    return manager.findOneBy(Appointment, { companyId, calcomBookingUid: uid });
  }

  /** A known booking: confirmed, cancelled or rejected; a cancelled or rejected one never comes back. */
  private async update(
    manager: EntityManager,
    row: Appointment,
    state: BookingState,
    source: ChangeSource,
  ): Promise<NewsOutcome> {
    if (TERMINAL.has(row.status) || row.status === state.status) {
      if (!TERMINAL.has(row.status)) await manager.update(Appointment, { id: row.id }, { lastNewsAt: new Date() });
      return 'ignored';
    }
    if (row.status === 'booking' || row.status === 'uncertain') return 'ignored'; // Our request settles it.
    const changes = { status: state.status, cancellationReason: state.cancellationReason ?? row.cancellationReason };
    await manager.update(Appointment, { id: row.id }, changes);
    const kind =
      row.status === 'pending' && state.status === 'accepted' ? 'confirmed' : (KIND[state.status] ?? 'rejected');
    await this.history.record(Object.assign(row, changes), kind, source, manager);
    return 'stored';
  }

  /** A booking moved elsewhere: a new row in the appointment's chain, the old one cancelled as moved. */
  private async move(
    manager: EntityManager,
    previous: Appointment,
    state: BookingState,
    source: ChangeSource,
  ): Promise<NewsOutcome> {
    const { companyId, originId, customerId, serviceId, callId, calcomEventTypeId } = previous;
    const { attendeeName, attendeeEmail, attendeePhone, notes, source: madeBy } = previous;
    const next = {
      ...{ companyId, originId, customerId, serviceId, callId, calcomEventTypeId },
      ...{ attendeeName, attendeeEmail, attendeePhone, notes, source: madeBy },
      id: randomUUID(),
      rescheduledFromId: previous.id,
      calcomBookingUid: state.uid,
      idempotencyKey: `calcom:${previous.companyId}:${state.uid}`,
      status: state.status,
      startAt: state.start,
      endAt: state.end,
      singleHost: false,
      cancellationReason: state.cancellationReason ?? null,
    };
    await manager.insert(Appointment, next);
    await this.history.record(next, 'rescheduled', source, manager);
    if (TERMINAL.has(previous.status)) return 'stored';
    await manager.update(Appointment, { id: previous.id }, { status: 'cancelled', cancellationReason: 'rescheduled' });
    await this.history.record(previous, 'moved', source, manager);
    return 'stored';
  }

  /** A booking made elsewhere for one of the company's services. */
  private async create(
    manager: EntityManager,
    company: NewsCompany,
    service: Service,
    state: BookingState,
    source: ChangeSource,
  ): Promise<NewsOutcome> {
    const id = randomUUID();
    const phone = toE164(state.attendee?.phone ?? '');
    const email = realEmail(state.attendee?.email);
    const customerId = await this.customers.forBooking(manager, company.id, {
      name: state.attendee?.name ?? null,
      phone,
      email,
    });
    const row = {
      id,
      originId: id,
      companyId: company.id,
      customerId,
      serviceId: service.id,
      calcomBookingUid: state.uid,
      calcomEventTypeId: service.calcomEventTypeId,
      startAt: state.start,
      endAt: state.end,
      status: state.status as AppointmentStatus,
      singleHost: false,
      idempotencyKey: `calcom:${company.id}:${state.uid}`,
      attendeeName: state.attendee?.name?.slice(0, 200) ?? null,
      attendeeEmail: email,
      attendeePhone: phone,
      cancellationReason: state.cancellationReason ?? null,
      source: 'calcom' as const,
    };
    await manager.insert(Appointment, row);
    await this.history.record(row, KIND[state.status] ?? 'rejected', source, manager);
    return 'stored';
  }

  /** The company's service for an event type: one without a branch first, then by name. */
  private serviceFor(manager: EntityManager, companyId: string, eventTypeId: number | null): Promise<Service | null> {
    if (eventTypeId === null) return Promise.resolve(null);
    return manager.findOne(Service, {
      where: { companyId, calcomEventTypeId: eventTypeId, active: true },
      order: { branchId: { direction: 'ASC', nulls: 'FIRST' }, name: 'ASC' },
    });
  }
}
