import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { maskPii } from '../../common/pii';
import { TenantResolverService } from '../tenants/tenant-resolver.service';
import { calculateCallCost, RetellCallCost } from './call-cost';
import { CallEvent } from './call-event.entity';
import { Call } from './call.entity';
import { CallFollowUps } from './call-follow-ups.service';

/** Lifecycle events we store; later events carry more and win over earlier ones, whatever order they arrive in. */
export const EVENT_RANK: Record<string, number> = { call_started: 1, call_ended: 2, call_analyzed: 3 };

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

export type RecordOutcome = 'stored' | 'duplicate' | 'ignored';

@Injectable()
export class CallsService {
  private readonly logger = new Logger(CallsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantResolverService,
    private readonly followUps: CallFollowUps,
  ) {}

  /**
   * Stores one webhook event: the Call row (created on first sight) and a call_events row whose unique dedupe key
   * turns Retell's retries into no-ops. Throws DATABASE_UNAVAILABLE when nothing could be stored, so Retell retries.
   */
  async recordEvent(event: string, report: CallReport): Promise<RecordOutcome> {
    const rank = EVENT_RANK[event];
    if (!rank) return 'ignored';
    let eventRowId: string | null;
    try {
      eventRowId = await this.dataSource.transaction((manager) => this.store(manager, event, report, rank));
    } catch (error) {
      // The database's own message stays in our log; the answer only says what failed.
      this.logger.error({ event, error: maskPii((error as Error).message) }, 'Could not store a call event');
      throw new DomainError('DATABASE_UNAVAILABLE', 'Could not store the call event');
    }
    // Stored together with the event, so it survives a crash; run now, swept later if it fails.
    if (eventRowId === null) return 'duplicate';
    if (rank >= EVENT_RANK.call_ended) this.followUps.start(eventRowId);
    return 'stored';
  }

  /** The event row (unless Retell sent it before) and the call's new state; the event row's id, or null for a duplicate. */
  private async store(manager: EntityManager, event: string, report: CallReport, rank: number): Promise<string | null> {
    const call = await this.lockCall(manager, report.callId);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(CallEvent)
      .values({
        callId: call.id,
        event,
        dedupeKey: `${event}:${report.callId}`,
        processedAt: rank >= EVENT_RANK.call_ended ? null : () => 'now()',
      })
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) return null;
    const changes = await this.merge(manager, call, report, rank);
    await manager.getRepository(Call).update({ id: call.id }, changes as Parameters<Repository<Call>['update']>[1]);
    return (inserted.raw as Array<{ id: string }>)[0].id;
  }

  /** Links the caller, once known, to the call; a call keeps the first customer it was linked to. */
  async attachCustomer(callId: string, customerId: string): Promise<void> {
    await this.dataSource.getRepository(Call).update({ id: callId, customerId: IsNull() }, { customerId });
  }

  /** Creates the row if needed and locks it, so concurrent events of one call apply one after the other. */
  private async lockCall(manager: EntityManager, retellCallId: string): Promise<Call> {
    await manager.createQueryBuilder().insert().into(Call).values({ retellCallId }).orIgnore().execute();
    return manager
      .getRepository(Call)
      .createQueryBuilder('call')
      .setLock('pessimistic_write')
      .where('call.retell_call_id = :retellCallId', { retellCallId })
      .getOneOrFail();
  }

  private async merge(manager: EntityManager, call: Call, report: CallReport, rank: number): Promise<Partial<Call>> {
    const cost = calculateCallCost(report.cost);
    const incoming: Partial<Call> = {
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
    const newer = rank >= call.lastEventRank;
    const changes: Partial<Call> = { lastEventRank: Math.max(rank, call.lastEventRank) };
    for (const [key, value] of Object.entries(incoming) as Array<[keyof Call, unknown]>) {
      if (value === undefined || value === null) continue;
      // An older event only fills gaps; a newer (or the same) event overwrites.
      if (newer || call[key] === null || call[key] === undefined) (changes as Record<string, unknown>)[key] = value;
    }
    if (!call.companyId) Object.assign(changes, await this.tenantOf(manager, call, changes));
    return changes;
  }

  /** The company, branch and customer of a call not yet tied to one, from its numbers or agent. */
  private async tenantOf(manager: EntityManager, call: Call, changes: Partial<Call>): Promise<Partial<Call>> {
    const parties = {
      direction: changes.direction ?? call.direction,
      fromNumber: changes.fromNumber ?? call.fromNumber,
      toNumber: changes.toNumber ?? call.toNumber,
      agentId: changes.agentId ?? call.agentId,
    };
    const tenant = await this.tenants.resolve(parties, manager);
    if (!tenant) return {};
    return { companyId: tenant.companyId, branchId: tenant.branchId, customerId: call.customerId ?? tenant.customerId };
  }
}
