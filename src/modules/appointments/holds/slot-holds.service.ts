import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MetricsService } from '../../../metrics/metrics.service';
import { CalcomError } from '../../calcom/calcom.errors';
import { CalcomEventTypesService } from '../../calcom/calcom-event-types.service';
import { CalcomReservationsClient } from '../../calcom/calcom-reservations.client';
import { CalcomSlotsService } from '../../calcom/calcom-slots.service';
import type { BookingScope } from '../appointments.types';
import { HeldSlotsView, lockSlots } from './held-slots';
import { deleteHolds, HoldReleaseService, ReleasedHold } from './hold-release.service';

export interface Hold {
  id: string;
  start: Date;
  reservationUid: string | null;
  expiresAt: Date;
}

export type HoldOutcome = { kind: 'held'; hold: Hold } | { kind: 'taken' } | { kind: 'skipped' };

const HOLD_COLUMNS = 'id, start_at, reservation_uid, expires_at';
const MINE = `SELECT ${HOLD_COLUMNS} FROM slot_holds
WHERE company_id = $1 AND holder = $2 AND service_id = $3 AND start_at = $4 AND expires_at > now()`;
const OTHERS = `SELECT 1 FROM slot_holds WHERE company_id = $1 AND calcom_event_type_id = $2 AND start_at < $4
  AND end_at > $3 AND expires_at > now() AND holder <> $5 LIMIT 1`;
const BOOKED = `SELECT 1 FROM appointments WHERE company_id = $1 AND calcom_event_type_id = $2 AND start_at < $4
  AND end_at > $3 AND status IN ('booking', 'uncertain', 'accepted', 'pending') LIMIT 1`;
const INSERT = `INSERT INTO slot_holds (company_id, service_id, calcom_event_type_id, start_at, end_at, holder,
  account_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $8)) RETURNING ${HOLD_COLUMNS}`;

type HoldRow = { id: string; start_at: Date; reservation_uid: string | null; expires_at: Date };
const toHold = (row: HoldRow): Hold => ({
  id: row.id,
  start: new Date(row.start_at),
  reservationUid: row.reservation_uid,
  expiresAt: new Date(row.expires_at),
});

/**
 * Holds a slot for one caller while they decide: in the gateway (its other callers and faces see the slot taken and
 * cannot book it) and in Cal.com (`POST /v2/slots/reservations`), so the booking page cannot take it either. A caller
 * holds one slot at a time: holding another lets the first go.
 */
@Injectable()
export class SlotHoldsService {
  private readonly logger = new Logger(SlotHoldsService.name);
  private readonly unholdable = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reservations: CalcomReservationsClient,
    private readonly eventTypes: CalcomEventTypesService,
    private readonly slots: CalcomSlotsService,
    private readonly view: HeldSlotsView,
    private readonly release: HoldReleaseService,
    private readonly metrics: MetricsService,
  ) {}

  /** The holder's unexpired hold of this service at this time: a repeated read-back, or the "yes" that uses it. */
  async mine(scope: BookingScope, start: Date): Promise<Hold | null> {
    if (!scope.holder) return null;
    const rows: HoldRow[] = await this.dataSource.query(MINE, [
      scope.company.id,
      scope.holder,
      scope.service.id,
      start,
    ]);
    return rows.length > 0 ? toHold(rows[0]) : null;
  }

  /** Holds the slot for `scope.holder`, or says it is taken, or that this event type or company does not hold. */
  async hold(scope: BookingScope, start: Date): Promise<HoldOutcome> {
    const existing = await this.mine(scope, start);
    if (existing) return { kind: 'held', hold: existing };
    if (!scope.holder || !(await this.holdable(scope))) return { kind: 'skipped' };
    const claimed = await this.dataSource.transaction((manager) => this.claim(manager, scope, start));
    if (claimed.kind !== 'held') return claimed;
    this.view.forget(scope.company.id, scope.service.calcomEventTypeId);
    // The holder's earlier hold goes first: Cal.com would refuse a new hold that overlaps it.
    await this.release.inCalcom(claimed.released, 'released');
    const hold = await this.reserve(scope, claimed.hold, claimed.minutes);
    if (hold) this.metrics.slotHolds.inc({ outcome: 'made' });
    return hold ? { kind: 'held', hold } : { kind: 'taken' };
  }

  /** The booking was made: the hold is spent (Cal.com dropped its reservation with the booking). */
  async used(scope: BookingScope, hold: Hold): Promise<void> {
    const [, count]: [unknown, number] = await this.dataSource.query('DELETE FROM slot_holds WHERE id = $1', [hold.id]);
    this.view.forget(scope.company.id, scope.service.calcomEventTypeId);
    if (count > 0) this.metrics.slotHolds.inc({ outcome: 'used' });
  }

  /** The caller said no, or the hold could not be used: the holder's holds in this company go, here and in Cal.com. */
  releaseHolder(companyId: string, holder: string): Promise<number> {
    return this.release.holders([holder], 'released', companyId);
  }

  private async holdable(scope: BookingScope): Promise<boolean> {
    const { account, service } = scope;
    const key = `${account.id}:${service.calcomEventTypeId}`;
    if (!service.multiHost && !this.unholdable.has(key)) {
      if (await this.eventTypes.holdable(account, service.calcomEventTypeId)) return true;
    }
    if (!this.unholdable.has(key))
      this.logger.log({ eventTypeId: service.calcomEventTypeId }, 'Event type cannot hold slots (team or seated)');
    this.unholdable.add(key);
    return false;
  }

  private async claim(manager: EntityManager, scope: BookingScope, start: Date) {
    const { company, service, holder } = scope;
    const end = new Date(start.getTime() + service.durationMinutes * 60_000);
    await lockSlots(manager, company.id, service.calcomEventTypeId);
    const [{ hold_minutes: minutes }] = await manager.query('SELECT hold_minutes FROM companies WHERE id = $1', [
      company.id,
    ]);
    if (minutes === 0) return { kind: 'skipped' as const };
    const slot = [company.id, service.calcomEventTypeId, start, end];
    const busy = (await manager.query(OTHERS, [...slot, holder])).length + (await manager.query(BOOKED, slot)).length;
    if (busy > 0) return { kind: 'taken' as const };
    const [released]: [ReleasedHold[]] = await manager.query(deleteHolds('h.company_id = $1 AND h.holder = $2'), [
      company.id,
      holder,
    ]);
    const values = [company.id, service.id, service.calcomEventTypeId, start, end, holder, scope.account.id, minutes];
    const [row]: HoldRow[] = await manager.query(INSERT, values);
    return { kind: 'held' as const, hold: toHold(row), minutes: Number(minutes), released };
  }

  /** Cal.com's hold. Refused (booked or held outside the gateway): ours goes too. Unreachable: ours alone holds. */
  private async reserve(scope: BookingScope, hold: Hold, minutes: number): Promise<Hold | null> {
    const { account, service, company } = scope;
    try {
      const reservation = await this.reservations.reserve(account, {
        eventTypeId: service.calcomEventTypeId,
        start: hold.start,
        minutes,
      });
      await this.dataSource.query('UPDATE slot_holds SET reservation_uid = $2 WHERE id = $1', [
        hold.id,
        reservation.uid,
      ]);
      return { ...hold, reservationUid: reservation.uid };
    } catch (error) {
      if (!(error instanceof CalcomError) || error.code !== 'SLOT_TAKEN') {
        this.logger.warn({ error: (error as Error).message }, 'Cal.com did not hold the slot; the gateway holds it');
        return hold;
      }
      await this.dataSource.query('DELETE FROM slot_holds WHERE id = $1', [hold.id]);
      this.view.forget(company.id, service.calcomEventTypeId);
      // Cal.com knows of a booking or hold the cached slot list did not show.
      await this.slots.invalidate(account, service.calcomEventTypeId, company.timezone, [hold.start]);
      return null;
    }
  }
}
