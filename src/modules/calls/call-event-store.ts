import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallParties, ResolvedTenant, TenantResolverService } from '../tenants/tenant-resolver.service';
import { CallChanges, CallReport, EVENT_RANK, LockedCall, mergeEvent, MERGED_COLUMNS } from './call-merge';

export interface CallEventItem {
  event: string;
  report: CallReport;
  rank: number;
}

const CREATE_CALLS = `INSERT INTO calls (retell_call_id) SELECT unnest($1::varchar[]) ON CONFLICT DO NOTHING`;

/** Locks the batch's calls in one order (every writer takes them in it, so two batches cannot deadlock). */
const LOCK_CALLS = `
  SELECT id, retell_call_id, last_event_rank, company_id, customer_id, direction, from_number, to_number, agent_id,
         ARRAY[${MERGED_COLUMNS.map(([key, column]) => `CASE WHEN ${column} IS NOT NULL THEN '${key}' END`).join(', ')}]
           AS filled
  FROM calls WHERE retell_call_id = ANY($1::varchar[]) ORDER BY retell_call_id FOR UPDATE`;

/** Events already stored (Retell's retries) are skipped by their unique dedupe key. */
const INSERT_EVENTS = `
  INSERT INTO call_events (call_id, event, dedupe_key, processed_at)
  SELECT e.call_id, e.event, e.dedupe_key, CASE WHEN e.done THEN now() END
  FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::boolean[]) AS e(call_id, event, dedupe_key, done)
  ON CONFLICT DO NOTHING RETURNING id, dedupe_key`;

/** Every changed call in one statement; a column the batch did not set keeps its value. */
const UPDATE_CALLS = `
  UPDATE calls c SET ${MERGED_COLUMNS.map(([, column]) => `${column} = COALESCE(v.${column}, c.${column})`).join(', ')},
    last_event_rank = v.last_event_rank, updated_at = now()
  FROM json_to_recordset($1::json)
    AS v(id uuid, last_event_rank smallint, ${MERGED_COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', ')})
  WHERE c.id = v.id`;

interface LockedRow {
  id: string;
  retell_call_id: string;
  last_event_rank: number;
  company_id: string | null;
  customer_id: string | null;
  direction: string | null;
  from_number: string | null;
  to_number: string | null;
  agent_id: string | null;
  filled: Array<string | null>;
}

const locked = (row: LockedRow): LockedCall => ({
  id: row.id,
  lastEventRank: Number(row.last_event_rank),
  companyId: row.company_id,
  customerId: row.customer_id,
  direction: row.direction,
  fromNumber: row.from_number,
  toNumber: row.to_number,
  agentId: row.agent_id,
  filled: new Set(row.filled.filter((key): key is string => key !== null)),
});

const dedupeKey = (item: CallEventItem) => `${item.event}:${item.report.callId}`;

/**
 * Stores a batch of lifecycle events in the caller's transaction with a fixed number of statements: the call rows
 * (created on first sight, locked), the event rows (a retry is a no-op) and each call's merged state. Answers, per
 * item, the new event row's id, or null for a duplicate.
 */
@Injectable()
export class CallEventStore {
  constructor(private readonly tenants: TenantResolverService) {}

  async store(manager: EntityManager, items: CallEventItem[]): Promise<Array<string | null>> {
    const retellIds = [...new Set(items.map((item) => item.report.callId))].sort();
    await manager.query(CREATE_CALLS, [retellIds]);
    const rows: LockedRow[] = await manager.query(LOCK_CALLS, [retellIds]);
    const calls = new Map(rows.map((row) => [row.retell_call_id, locked(row)]));
    const inserted = await this.insertEvents(manager, items, calls);
    const changes = new Map<LockedCall, CallChanges>();
    items.forEach((item, i) => {
      if (inserted[i] === null) return;
      const call = calls.get(item.report.callId)!;
      mergeEvent(call, item.report, item.rank, changes.get(call) ?? changes.set(call, {}).get(call)!);
    });
    await this.attachTenants(manager, changes);
    if (changes.size > 0) await manager.query(UPDATE_CALLS, [JSON.stringify(updateRows(changes))]);
    return inserted;
  }

  /** The event rows; the first of two equal events in one batch is stored, the second is a duplicate. */
  private async insertEvents(
    manager: EntityManager,
    items: CallEventItem[],
    calls: Map<string, LockedCall>,
  ): Promise<Array<string | null>> {
    const first = new Map<string, CallEventItem>();
    for (const item of items) if (!first.has(dedupeKey(item))) first.set(dedupeKey(item), item);
    const unique = [...first.values()];
    const rows: Array<{ id: string; dedupe_key: string }> = await manager.query(INSERT_EVENTS, [
      unique.map((item) => calls.get(item.report.callId)!.id),
      unique.map((item) => item.event),
      unique.map(dedupeKey),
      unique.map((item) => item.rank < EVENT_RANK.call_ended),
    ]);
    const ids = new Map(rows.map((row) => [row.dedupe_key, row.id]));
    return items.map((item) => (first.get(dedupeKey(item)) === item ? (ids.get(dedupeKey(item)) ?? null) : null));
  }

  /** The company, branch and customer of each call not yet tied to one, from its numbers or agent. */
  private async attachTenants(manager: EntityManager, changes: Map<LockedCall, CallChanges>): Promise<void> {
    const resolved = new Map<string, ResolvedTenant | null>();
    for (const [call, change] of changes) {
      if (call.companyId) continue;
      const parties: CallParties = {
        direction: call.direction,
        fromNumber: call.fromNumber,
        toNumber: call.toNumber,
        agentId: call.agentId,
      };
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
  return [...changes].map(([call, change]) => {
    const row: Record<string, unknown> = { id: call.id, last_event_rank: call.lastEventRank };
    for (const [key, column] of MERGED_COLUMNS) if (change[key] !== undefined) row[column] = change[key];
    return row;
  });
}
