import { calculateCallCost, RetellCallCost } from './call-cost';

/** A call's lifecycle events, the ones stored, in the order they happen. */
export const LIFECYCLE_EVENTS = ['call_started', 'call_ended', 'call_analyzed'] as const;

/** Later lifecycle events carry more and win over earlier ones, whatever order they arrive in. */
export const EVENT_RANK: Readonly<Record<string, number>> = Object.fromEntries(
  LIFECYCLE_EVENTS.map((event, index) => [event, index + 1]),
);

/** The call as Retell reports it, in plain terms (the webhook DTO maps to this). */
export interface CallReport {
  callId: string;
  agentId?: string;
  callType?: string;
  status?: string;
  direction?: string;
  fromNumber?: string;
  toNumber?: string;
  startTimestamp?: number;
  endTimestamp?: number;
  durationMs?: number;
  transcript?: string;
  /** Retell's turns with per-word timings, kept as sent. */
  transcriptObject?: unknown[];
  disconnectionReason?: string;
  recordingUrl?: string;
  analysis?: Record<string, unknown>;
  cost?: RetellCallCost;
}

/** The call columns an event may set: property, SQL column and the type the batched UPDATE reads it as. */
export const MERGED_COLUMNS = [
  ['agentId', 'agent_id', 'varchar'],
  ['callType', 'call_type', 'varchar'],
  ['status', 'status', 'varchar'],
  ['direction', 'direction', 'varchar'],
  ['fromNumber', 'from_number', 'varchar'],
  ['toNumber', 'to_number', 'varchar'],
  ['startedAt', 'started_at', 'timestamptz'],
  ['endedAt', 'ended_at', 'timestamptz'],
  ['durationMs', 'duration_ms', 'integer'],
  ['transcript', 'transcript', 'text'],
  ['transcriptObject', 'transcript_object', 'jsonb'],
  ['disconnectionReason', 'disconnection_reason', 'varchar'],
  ['recordingUrl', 'recording_url', 'text'],
  ['analysis', 'analysis', 'jsonb'],
  ['costCents', 'cost_cents', 'numeric'],
  ['costBreakdown', 'cost_breakdown', 'jsonb'],
  ['companyId', 'company_id', 'uuid'],
  ['branchId', 'branch_id', 'uuid'],
  ['customerId', 'customer_id', 'uuid'],
] as const;

type MergedKey = (typeof MERGED_COLUMNS)[number][0];
export type CallChanges = Partial<Record<MergedKey, unknown>>;

/** A call row as the batch locked it: the values it decides on, and which mergeable columns already hold one. */
export interface LockedCall {
  id: string;
  lastEventRank: number;
  companyId: string | null;
  customerId: string | null;
  direction: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  agentId: string | null;
  filled: Set<string>;
}

function incoming(report: CallReport): CallChanges {
  const cost = calculateCallCost(report.cost);
  return {
    agentId: report.agentId,
    callType: report.callType,
    status: report.status,
    direction: report.direction,
    fromNumber: report.fromNumber,
    toNumber: report.toNumber,
    startedAt: report.startTimestamp !== undefined ? new Date(report.startTimestamp) : undefined,
    endedAt: report.endTimestamp !== undefined ? new Date(report.endTimestamp) : undefined,
    durationMs: report.durationMs,
    transcript: report.transcript,
    transcriptObject: report.transcriptObject,
    disconnectionReason: report.disconnectionReason,
    recordingUrl: report.recordingUrl,
    analysis: report.analysis,
    costCents: cost?.totalCents,
    costBreakdown: cost ?? undefined,
  };
}

/**
 * Applies one event to a locked call: a newer (or the same) event overwrites, an older one only fills gaps.
 * Adds what it sets to `changes` and keeps `call` current, so the next event of the same call in a batch sees it.
 */
export function mergeEvent(call: LockedCall, report: CallReport, rank: number, changes: CallChanges): void {
  const newer = rank >= call.lastEventRank;
  call.lastEventRank = Math.max(rank, call.lastEventRank);
  for (const [key, value] of Object.entries(incoming(report)) as Array<[MergedKey, unknown]>) {
    if (value === undefined || value === null) continue;
    if (!newer && call.filled.has(key)) continue;
    changes[key] = value;
    call.filled.add(key);
    if (key === 'direction' || key === 'fromNumber' || key === 'toNumber' || key === 'agentId')
      call[key] = value as string;
  }
}

/** A call's merged columns as the batched statements read them; a column the batch did not set is left out. */
export function mergedRecord(call: LockedCall, change: CallChanges): Record<string, unknown> {
  const row: Record<string, unknown> = { last_event_rank: call.lastEventRank };
  for (const [key, column] of MERGED_COLUMNS) if (change[key] !== undefined) row[column] = change[key];
  return row;
}

/** A call not stored yet, as the first of its events finds it. */
export const blankCall = (): LockedCall => ({
  id: '',
  lastEventRank: 0,
  companyId: null,
  customerId: null,
  direction: null,
  fromNumber: null,
  toNumber: null,
  agentId: null,
  filled: new Set(),
});
