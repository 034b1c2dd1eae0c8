import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { GroupCommit } from '../../common/group-commit';
import { maskPii } from '../../common/pii';
import { MetricsService } from '../../metrics/metrics.service';
import { CallEventItem, CallEventStore, FOREIGN_CALL, StoredEvent } from './call-event-store';
import { CallReport, EVENT_RANK } from './call-merge';
import { Call } from './call.entity';
import { ERASE_CALLER_FUNCTION_CALLS, ERASE_CALLER } from './call-privacy';
import { TOOL_CALL_SQL, ToolCallRequest, ToolCallRow } from './tool-call-sql';

export type RecordOutcome = 'stored' | 'duplicate' | 'ignored';

/**
 * Postgres' error classes that one event's data can cause (22 data exception, 23 integrity constraint) or that a
 * second try may clear (40 transaction rollback: a deadlock or a serialization failure). Anything else, a connection
 * refused or a database shutting down, is an outage: the batch's events fail together, at once.
 */
const oneEventCouldCause = (error: unknown): boolean => /^(22|23|40)/.test(String((error as { code?: unknown }).code));

@Injectable()
export class CallsService {
  private readonly logger = new Logger(CallsService.name);
  /**
   * Events that arrive while the writes are busy are stored together by the next one (one transaction, one commit).
   * Two writes in flight on Postgres (one is sent while the other waits for its commit); one on the embedded database,
   * whose single session would only queue the second.
   */
  private readonly writes: GroupCommit<CallEventItem, StoredEvent>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CallEventStore,
    private readonly metrics: MetricsService,
  ) {
    const sessions = (dataSource.options as { extra?: { max?: number } }).extra?.max ?? 1;
    this.writes = new GroupCommit((items) => this.writeBatch(items), {
      concurrency: Math.min(2, sessions),
      retryAlone: oneEventCouldCause,
    });
    metrics.gauge('call_events_waiting', 'Call events waiting for the group commit (the queue)', [], async () => [
      [{}, this.waiting],
    ]);
  }

  /** Call events received and not yet in a write (those being written not counted): the queue's depth. */
  get waiting(): number {
    return this.writes.waiting;
  }

  /**
   * Stores one webhook event for the company its request acts for: the Call row (created on first sight) and a
   * call_events row whose unique dedupe key turns Retell's retries into no-ops. Resolves once the event is committed;
   * throws FORBIDDEN for another company's call (nothing written), DATABASE_UNAVAILABLE when it could not be stored,
   * so Retell retries.
   */
  async recordEvent(event: string, report: CallReport, companyId: string | null): Promise<RecordOutcome> {
    const rank = EVENT_RANK[event];
    if (!rank) return 'ignored';
    let stored: StoredEvent;
    try {
      stored = await this.writes.submit({ event, report, rank, companyId });
    } catch (error) {
      // The database's own message stays in our log; the answer only says what failed.
      this.logger.error({ event, error: maskPii((error as Error).message) }, 'Could not store a call event');
      throw new DomainError('DATABASE_UNAVAILABLE', 'Could not store the call event');
    }
    if (stored === FOREIGN_CALL) throw new DomainError('FORBIDDEN', 'This call belongs to another company');
    return stored === null ? 'duplicate' : 'stored';
  }

  /**
   * The call a tool request names, created on first sight (never moved to another company), with the company, branch
   * and caller it has, in one round trip. No call row when the request's company and the call's differ.
   */
  async openForTool(request: ToolCallRequest): Promise<ToolCallRow> {
    const [row]: ToolCallRow[] = await this.dataSource.query(TOOL_CALL_SQL, [
      request.businessNumber,
      request.agentId,
      request.callerNumber,
      request.retellCallId,
      request.companyId,
      request.direction,
      request.fromNumber,
      request.toNumber,
      request.callType,
    ]);
    return row;
  }

  /** Erases a caller from calls, in the erasure's transaction; answers how many calls held them. */
  async eraseCaller(manager: EntityManager, phone: string, customerIds: string[], companyId?: string): Promise<number> {
    await manager.query(ERASE_CALLER_FUNCTION_CALLS, [phone, customerIds, companyId ?? null]);
    const [, affected] = await manager.query(ERASE_CALLER, [phone, customerIds, companyId ?? null]);
    return Number(affected);
  }

  /** The company a Retell call belongs to, or null (unknown, or not tied to one). */
  async companyOfCall(retellCallId: string): Promise<string | null> {
    const call = await this.dataSource
      .getRepository(Call)
      .findOne({ where: { retellCallId }, select: { id: true, companyId: true } });
    return call?.companyId ?? null;
  }

  /** Links the caller, once known, to the call; a call keeps the first customer it was linked to. */
  async attachCustomer(callId: string, customerId: string): Promise<void> {
    await this.dataSource.getRepository(Call).update({ id: callId, customerId: IsNull() }, { customerId });
  }

  /** One batch in one transaction; the metrics of the calls it ended are counted once it committed. */
  private async writeBatch(items: CallEventItem[]): Promise<StoredEvent[]> {
    const ids = await this.dataSource.transaction((manager) => this.store.store(manager, items));
    this.metrics.callEventBatch.observe(items.length);
    items.forEach(({ event, report }, i) => {
      if (typeof ids[i] === 'string' && event === 'call_ended')
        this.metrics.countEndedCall(report.disconnectionReason, report.durationMs);
    });
    return ids;
  }
}
