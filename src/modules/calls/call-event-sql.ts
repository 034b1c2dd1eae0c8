import type { EntityManager } from 'typeorm';
import { CallParties, splitParties } from '../tenants/tenant-resolver.service';
import { LockedCall, MERGED_COLUMNS } from './call-merge';

/** The statements that store a batch of call events; each is set-based, so a batch costs the same few of them. */

const COLUMNS = MERGED_COLUMNS.map(([, column]) => column);
const RECORD = MERGED_COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', ');

/**
 * Calls seen for the first time, inserted with everything their events say (one row version and one set of index
 * entries, not an empty row and then an update). A call another batch created meanwhile is skipped, then merged into.
 */
export const CREATE_CALLS = `
  INSERT INTO calls (retell_call_id, last_event_rank, ${COLUMNS.join(', ')})
  SELECT v.retell_call_id, v.last_event_rank, ${COLUMNS.map((column) => `v.${column}`).join(', ')}
  FROM json_to_recordset($1::json) AS v(retell_call_id varchar, last_event_rank smallint, ${RECORD})
  ON CONFLICT (retell_call_id) DO NOTHING RETURNING id, retell_call_id`;

/** Locks the batch's calls in one order (every writer takes them in it, so two batches cannot deadlock). */
export const LOCK_CALLS = `
  SELECT id, retell_call_id, last_event_rank, company_id, customer_id, direction, from_number, to_number, agent_id,
         ARRAY[${MERGED_COLUMNS.map(([key, column]) => `CASE WHEN ${column} IS NOT NULL THEN '${key}' END`).join(', ')}]
           AS filled
  FROM calls WHERE retell_call_id = ANY($1::varchar[]) ORDER BY retell_call_id FOR UPDATE`;

/**
 * Events already stored (Retell's retries) are skipped by their unique dedupe key. What follows from an event happens
 * in the same transaction (see LINK_CUSTOMERS).
 */
export const INSERT_EVENTS = `
  INSERT INTO call_events (call_id, event, dedupe_key)
  SELECT e.call_id, e.event, e.dedupe_key
  FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS e(call_id, event, dedupe_key)
  ON CONFLICT DO NOTHING RETURNING id, dedupe_key`;

/**
 * Links each ended call whose caller is a customer of the call's company by now: the caller may have become one
 * during the call (collect-customer-info). $1 call ids, $2 callers' numbers; a call keeps a customer it has.
 */
const LINK_CUSTOMERS = `
  UPDATE calls c SET customer_id = cu.id, updated_at = now()
  FROM unnest($1::uuid[], $2::varchar[]) AS x(call_id, phone)
  JOIN customers cu ON cu.phone_e164 = x.phone
  WHERE c.id = x.call_id AND cu.company_id = c.company_id AND c.customer_id IS NULL`;

/**
 * Links the callers of these calls (each tied to a company, with no customer yet) that are its customers by now, in one
 * statement, in the storing transaction.
 */
export async function linkCallers(manager: EntityManager, calls: Array<CallParties & { id: string }>): Promise<void> {
  const callers = calls
    .map((call) => ({ id: call.id, phone: splitParties(call).callerNumber }))
    .filter((call): call is { id: string; phone: string } => call.phone !== null);
  if (callers.length === 0) return;
  await manager.query(LINK_CUSTOMERS, [callers.map((call) => call.id), callers.map((call) => call.phone)]);
}

/** Every changed call in one statement; a column the batch did not set keeps its value. */
export const UPDATE_CALLS = `
  UPDATE calls c SET ${COLUMNS.map((column) => `${column} = COALESCE(v.${column}, c.${column})`).join(', ')},
    last_event_rank = v.last_event_rank, updated_at = now()
  FROM json_to_recordset($1::json) AS v(id uuid, last_event_rank smallint, ${RECORD})
  WHERE c.id = v.id`;

export interface LockedRow {
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

export const locked = (row: LockedRow): LockedCall => ({
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
