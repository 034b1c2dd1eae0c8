import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallParties, ResolvedTenant, TenantResolverService } from '../tenants/tenant-resolver.service';
import {
  CREATE_CALLS,
  INSERT_EVENTS,
  linkCallers,
  LOCK_CALLS,
  locked,
  LockedRow,
  UPDATE_CALLS,
} from './call-event-sql';
import { blankCall, CallChanges, CallReport, EVENT_RANK, LockedCall, mergedRecord, mergeEvent } from './call-merge';

export interface CallEventItem {
  event: string;
  report: CallReport;
  rank: number;
  /** The company the request's credential acts for (null: none); a call of another company is never touched. */
  companyId: string | null;
}

/** The answer for an event of a call that belongs to another company than the one its request acts for. */
export const FOREIGN_CALL: unique symbol = Symbol('foreign call');
export type StoredEvent = string | null | typeof FOREIGN_CALL;

const dedupeKey = (item: CallEventItem) => `${item.event}:${item.report.callId}`;

/**
 * Stores a batch of lifecycle events in the caller's transaction with a fixed number of statements: the call rows
 * (created on first sight, locked), the event rows (a retry is a no-op), each call's merged state and, for calls that
 * ended, the caller linked as a customer. Answers, per item, the new event row's id, null for a duplicate, or
 * `FOREIGN_CALL` for an event of another company's call (nothing of it is written).
 */
@Injectable()
export class CallEventStore {
  constructor(private readonly tenants: TenantResolverService) {}

  async store(manager: EntityManager, all: CallEventItem[]): Promise<StoredEvent[]> {
    const retellIds = [...new Set(all.map((item) => item.report.callId))].sort();
    const calls = await this.lock(manager, retellIds);
    const foreign = (item: CallEventItem) => isForeign(calls.get(item.report.callId), item);
    const items = all.filter((item) => !foreign(item));
    const firsts = firstOfEach(items);
    const missing = retellIds.filter((id) => !calls.has(id));
    const created = await this.create(manager, missing, [...firsts.values()], calls);
    const inserted = await this.insertEvents(manager, items, firsts, calls);
    const changes = new Map<LockedCall, CallChanges>();
    items.forEach((item, i) => {
      const call = calls.get(item.report.callId)!;
      if (inserted[i] === null || created.has(call)) return;
      mergeEvent(call, item.report, item.rank, changes.get(call) ?? changes.set(call, {}).get(call)!);
    });
    await this.attachTenants(manager, changes);
    if (changes.size > 0) await manager.query(UPDATE_CALLS, [JSON.stringify(updateRows(changes))]);
    await this.linkCallers(manager, items, inserted, calls);
    const stored = new Map(items.map((item, i) => [item, inserted[i]]));
    return all.map((item) => (stored.has(item) ? stored.get(item)! : FOREIGN_CALL));
  }

  /**
   * The callers of the calls that ended in this batch and were tied to a company before it, linked as customers where
   * they are known by now (they may have become one during the call). A call tied in this batch got its customer
   * with its company (`attachTenants`).
   */
  private linkCallers(
    manager: EntityManager,
    items: CallEventItem[],
    inserted: Array<string | null>,
    calls: Map<string, LockedCall>,
  ): Promise<void> {
    const ended = new Set(
      items
        .filter((item, i) => inserted[i] !== null && item.rank >= EVENT_RANK.call_ended)
        .map((item) => item.report.callId),
    );
    const unlinked = [...ended]
      .map((retellId) => calls.get(retellId)!)
      .filter((call) => call.companyId && !call.customerId);
    return linkCallers(manager, unlinked);
  }

  /** The calls that exist, locked in one order (every writer takes them in it, so two batches cannot deadlock). */
  private async lock(manager: EntityManager, retellIds: string[]): Promise<Map<string, LockedCall>> {
    if (retellIds.length === 0) return new Map();
    const rows: LockedRow[] = await manager.query(LOCK_CALLS, [retellIds]);
    return new Map(rows.map((row) => [row.retell_call_id, locked(row)]));
  }

  /**
   * Inserts the calls first seen in this batch with their events merged (no stored event can belong to a call that
   * did not exist). Answers those it created; one that another batch created meanwhile is locked and added to `calls`
   * instead, and merged into like any existing call.
   */
  private async create(
    manager: EntityManager,
    missing: string[],
    firsts: CallEventItem[],
    calls: Map<string, LockedCall>,
  ): Promise<Set<LockedCall>> {
    if (missing.length === 0) return new Set();
    const fresh = new Map(missing.map((id) => [id, [blankCall(), {}] as [LockedCall, CallChanges]]));
    for (const item of firsts) {
      const entry = fresh.get(item.report.callId);
      if (entry) mergeEvent(entry[0], item.report, item.rank, entry[1]);
    }
    await this.attachTenants(manager, new Map(fresh.values()));
    const records = [...fresh].map(([id, [call, change]]) => ({ retell_call_id: id, ...mergedRecord(call, change) }));
    const rows: Array<{ id: string; retell_call_id: string }> = await manager.query(CREATE_CALLS, [
      JSON.stringify(records),
    ]);
    const created = new Set<LockedCall>();
    for (const row of rows) {
      const [call] = fresh.get(row.retell_call_id)!;
      calls.set(row.retell_call_id, Object.assign(call, { id: row.id }));
      created.add(call);
    }
    const raced = await this.lock(
      manager,
      missing.filter((id) => !calls.has(id)),
    );
    for (const [id, call] of raced) calls.set(id, call);
    return created;
  }

  /** The event rows; the first of two equal events in one batch is stored, the second is a duplicate. */
  private async insertEvents(
    manager: EntityManager,
    items: CallEventItem[],
    firsts: Map<string, CallEventItem>,
    calls: Map<string, LockedCall>,
  ): Promise<Array<string | null>> {
    const unique = [...firsts.values()];
    const rows: Array<{ id: string; dedupe_key: string }> = await manager.query(INSERT_EVENTS, [
      unique.map((item) => calls.get(item.report.callId)!.id),
      unique.map((item) => item.event),
      unique.map(dedupeKey),
    ]);
    const ids = new Map(rows.map((row) => [row.dedupe_key, row.id]));
    return items.map((item) => (firsts.get(dedupeKey(item)) === item ? (ids.get(dedupeKey(item)) ?? null) : null));
  }

  /** The company, branch and customer of each call not yet tied to one, from its numbers or agent. */
  private async attachTenants(manager: EntityManager, changes: Map<LockedCall, CallChanges>): Promise<void> {
    const resolved = new Map<string, ResolvedTenant | null>();
    for (const [call, change] of changes) {
      if (call.companyId) continue;
      const { direction, fromNumber, toNumber, agentId } = call;
      const parties: CallParties = { direction, fromNumber, toNumber, agentId };
      const key = JSON.stringify(parties);
      if (!resolved.has(key)) resolved.set(key, await this.tenants.resolve(parties, manager));
      const tenant = resolved.get(key);
      if (!tenant) continue;
      Object.assign(change, {
        companyId: tenant.companyId,
        branchId: tenant.branchId,
        customerId: call.customerId ?? tenant.customerId,
      });
    }
  }
}

function updateRows(changes: Map<LockedCall, CallChanges>): Array<Record<string, unknown>> {
  return [...changes].map(([call, change]) => ({ id: call.id, ...mergedRecord(call, change) }));
}

/** A call that exists already and belongs to another company than the one the event's request acts for. */
const isForeign = (call: LockedCall | undefined, item: CallEventItem) =>
  call !== undefined && call.companyId !== null && call.companyId !== item.companyId;

/** Each event once, by its dedupe key: the first of equal events in one batch. */
function firstOfEach(items: CallEventItem[]): Map<string, CallEventItem> {
  const first = new Map<string, CallEventItem>();
  for (const item of items) if (!first.has(dedupeKey(item))) first.set(dedupeKey(item), item);
  return first;
}
