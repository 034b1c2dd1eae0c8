import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetricsService } from '../../../metrics/metrics.service';
import { CalcomReservationsClient } from '../../calcom/calcom-reservations.client';
import { CalcomSlotsService } from '../../calcom/calcom-slots.service';
import { CompanyAccountsService } from '../../tenants/company-accounts.service';
import { HeldSlotsView } from './held-slots';

export interface ReleasedHold {
  company_id: string;
  reservation_uid: string | null;
  account_id: string | null;
  calcom_event_type_id: number;
  start_at: Date;
  timezone: string;
}

/**
 * Deletes the holds `where` names (`h` is the hold) and returns what releasing them needs. TypeORM answers a DELETE
 * with `[rows, count]`: take the first.
 */
export const deleteHolds = (where: string) => `
DELETE FROM slot_holds h USING companies c WHERE c.id = h.company_id AND (${where})
RETURNING h.company_id, h.reservation_uid, h.account_id, h.calcom_event_type_id, h.start_at, c.timezone`;

/** How often expired holds are cleared; a hold past its end holds nothing meanwhile (every check reads `expires_at`). */
const SWEEP_MS = 15_000;
/** Ended calls are released together: one statement for a burst of `call_ended`, none on the way of storing them. */
const BATCH_MS = 50;

type Outcome = 'released' | 'expired';

/**
 * Lets holds go: when the caller says no or takes another time, when the call ends, and when they expire. Cal.com's
 * reservation is deleted too and the day's cached slots dropped (they were read while Cal.com hid the slot).
 */
@Injectable()
export class HoldReleaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HoldReleaseService.name);
  private timer?: NodeJS.Timeout;
  private ended = new Set<string>();
  private flushing?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: CompanyAccountsService,
    private readonly reservations: CalcomReservationsClient,
    private readonly slots: CalcomSlotsService,
    private readonly view: HeldSlotsView,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.expired().catch(() => undefined), SWEEP_MS).unref();
    void this.expired().catch(() => undefined);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The holds of these holders (Retell call ids, …): in one company, or wherever they were made (ended calls). */
  async holders(holders: string[], outcome: Outcome = 'released', companyId?: string): Promise<number> {
    const [rows]: [ReleasedHold[]] = companyId
      ? await this.dataSource.query(deleteHolds('h.holder = ANY($1) AND h.company_id = $2'), [holders, companyId])
      : await this.dataSource.query(deleteHolds('h.holder = ANY($1)'), [holders]);
    await this.inCalcom(rows, outcome);
    return rows.length;
  }

  /** A call ended: its hold goes with the next batch. Resolves when it went. */
  callEnded(retellCallId: string): Promise<number> {
    this.ended.add(retellCallId);
    this.flushing ??= new Promise((resolve) => setTimeout(resolve, BATCH_MS)).then(() => {
      const batch = [...this.ended];
      this.ended = new Set();
      this.flushing = undefined;
      return this.holders(batch);
    });
    return this.flushing;
  }

  /** Every hold past its end. Each is counted once, whichever instance clears it. */
  async expired(): Promise<number> {
    const [rows]: [ReleasedHold[]] = await this.dataSource.query(deleteHolds('h.expires_at <= now()'));
    await this.inCalcom(rows, 'expired');
    return rows.length;
  }

  /** After the rows are gone: Cal.com's reservations, the cached days, the copies of who holds what. */
  async inCalcom(rows: ReleasedHold[], outcome: Outcome): Promise<void> {
    await Promise.all(rows.map((row) => this.releaseOne(row)));
    if (rows.length > 0) this.metrics.slotHolds.inc({ outcome }, rows.length);
  }

  private async releaseOne(row: ReleasedHold): Promise<void> {
    this.view.forget(row.company_id, row.calcom_event_type_id);
    const account = await this.accounts.calcomAccount(row.company_id).catch(() => null);
    if (!account || account.id !== row.account_id) return;
    try {
      if (row.reservation_uid) await this.reservations.release(account, row.reservation_uid);
      await this.slots.invalidate(account, row.calcom_event_type_id, row.timezone, [new Date(row.start_at)]);
    } catch (error) {
      // Cal.com lets its hold go by itself when it ends.
      this.logger.warn({ error: (error as Error).message }, 'Could not release a slot hold in Cal.com');
    }
  }
}
