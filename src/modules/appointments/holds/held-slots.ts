import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager } from 'typeorm';
import { TenantChangesService } from '../../tenants/tenant-changes.service';

export interface HeldRange {
  start: number;
  end: number;
  holder: string;
}

export interface HeldSplit {
  others: HeldRange[];
  mine: number[];
}

const NONE: HeldSplit = { others: [], mine: [] };

/**
 * The lock every change to one event type's holds and single-host claims takes, in the transaction that makes it: a
 * hold and a booking of the same time can then never both be made, whichever instance makes them.
 */
export async function lockSlots(manager: EntityManager, companyId: string, eventTypeId: number): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`slots:${companyId}:${eventTypeId}`]);
}

/** How stale the copy another instance's new hold may be seen through; the database refuses the booking regardless. */
const FRESH_MS = 1000;

const HELD = `
SELECT start_at, end_at, holder FROM slot_holds
WHERE company_id = $1 AND calcom_event_type_id = $2 AND expires_at > now()`;

/**
 * What callers are shown of the holds: one event type's unexpired holds, read at most once a second per event type
 * and dropped at once when this instance changes them, so a free-slot check stays without a database round trip.
 * Enforcement is elsewhere: the hold and claim transactions (`lockSlots`) read the table itself.
 */
@Injectable()
export class HeldSlotsView {
  private readonly copies = new LRUCache<string, Promise<HeldRange[]>>({ max: 10_000, ttl: FRESH_MS });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    changes: TenantChangesService,
  ) {
    changes.subscribe(() => this.copies.clear());
  }

  /**
   * Holds of anyone but `holder`, and the holder's own held starts (Cal.com's slot list hides those from the holder
   * too). When the database cannot say: none (a booking is still checked there).
   */
  async split(companyId: string, eventTypeId: number, holder: string | null | undefined): Promise<HeldSplit> {
    const all = await this.read(companyId, eventTypeId);
    if (all.length === 0) return NONE;
    const mine = all.filter((range) => holder && range.holder === holder);
    return { others: all.filter((range) => !mine.includes(range)), mine: mine.map((range) => range.start) };
  }

  forget(companyId: string, eventTypeId: number): void {
    this.copies.delete(`${companyId}:${eventTypeId}`);
  }

  private read(companyId: string, eventTypeId: number): Promise<HeldRange[]> {
    const key = `${companyId}:${eventTypeId}`;
    let copy = this.copies.get(key);
    if (!copy) {
      copy = this.load(companyId, eventTypeId);
      this.copies.set(key, copy);
    }
    return copy;
  }

  private async load(companyId: string, eventTypeId: number): Promise<HeldRange[]> {
    type Row = { start_at: Date; end_at: Date; holder: string };
    const rows: Row[] = await this.dataSource.query(HELD, [companyId, eventTypeId]).catch(() => []);
    return rows.map((row) => ({
      start: new Date(row.start_at).getTime(),
      end: new Date(row.end_at).getTime(),
      holder: row.holder,
    }));
  }
}

/**
 * A day's slots as this holder may take them: without the slots that overlap someone else's hold (a slot of `minutes`
 * from its start), with the holder's own held starts that fall within `[from, to)`.
 */
export function asHeld(slots: Date[], held: HeldSplit, minutes: number, from: number, to: number): Date[] {
  if (held.others.length === 0 && held.mine.length === 0) return slots;
  const length = minutes * 60_000;
  const free = slots.filter((slot) => {
    const start = slot.getTime();
    return !held.others.some((range) => range.start < start + length && range.end > start);
  });
  const mine = held.mine.filter((start) => start >= from && start < to && !free.some((s) => s.getTime() === start));
  return mine.length === 0 ? free : [...free, ...mine.map((start) => new Date(start))].sort((a, b) => +a - +b);
}
