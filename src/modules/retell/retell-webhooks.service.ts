import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { EVENT_RANK } from '../calls/call-merge';
import { CallsService, RecordOutcome } from '../calls/calls.service';
import type { AgentPrincipal } from '../access/principal';
import { MetricsService } from '../../metrics/metrics.service';
import { RetellWebhookDto } from './retell-webhook.dto';
import { HoldReleaseService } from '../appointments/holds/hold-release.service';
import { ReminderOutcomesService } from '../reminders/reminder-outcomes.service';

const KNOWN = new Set([
  'transcript_updated',
  'transfer_started',
  'transfer_bridged',
  'transfer_cancelled',
  'transfer_ended',
]);

@Injectable()
export class RetellWebhooksService {
  private readonly logger = new Logger(RetellWebhooksService.name);

  constructor(
    private readonly calls: CallsService,
    private readonly metrics: MetricsService,
    private readonly holds: HoldReleaseService,
    private readonly reminders: ReminderOutcomesService,
  ) {}

  /** `store`, counted by event and outcome (an unknown event name counts as `other`: labels stay few). */
  async record(body: RetellWebhookDto, principal?: AgentPrincipal, raw?: unknown): Promise<RecordOutcome> {
    const event = EVENT_RANK[body.event] || KNOWN.has(body.event) ? body.event : 'other';
    try {
      const outcome = await this.store(body, principal, raw);
      this.metrics.webhookEvents.inc({ event, outcome });
      return outcome;
    } catch (error) {
      this.metrics.webhookEvents.inc({ event, outcome: 'failed' });
      throw error;
    }
  }

  /**
   * Stores a call lifecycle event. Every other event (transcript updates, transfers, chat events) is acknowledged
   * and not stored: Retell retries anything that is not a 2xx, and we have no use for them yet.
   * `raw` is the body as parsed, whose word-level transcript is stored as sent rather than copied through the DTO.
   */
  private async store(body: RetellWebhookDto, principal?: AgentPrincipal, raw?: unknown): Promise<RecordOutcome> {
    const { event, call } = body;
    if (!EVENT_RANK[event]) {
      this.logger.debug({ event }, 'Retell event acknowledged, not stored');
      return 'ignored';
    }
    if (!call) throw new BadRequestException('call must be an object');
    if (principal?.kind === 'signature' && principal.unresolved)
      throw new DomainError('DATABASE_UNAVAILABLE', 'Could not tell which company the call belongs to');
    const outcome = await this.calls.recordEvent(
      event,
      {
        callId: call.call_id,
        agentId: call.agent_id,
        callType: call.call_type,
        status: call.call_status,
        direction: call.direction,
        fromNumber: call.from_number,
        toNumber: call.to_number,
        startTimestamp: call.start_timestamp,
        endTimestamp: call.end_timestamp,
        durationMs: call.duration_ms,
        transcript: call.transcript,
        transcriptObject: wordLevelTranscript(raw),
        disconnectionReason: call.disconnection_reason,
        recordingUrl: call.recording_url,
        analysis: call.call_analysis,
        cost: call.call_cost,
      },
      principal?.companyId ?? null,
    );
    this.logger.log({ event, outcome }, 'Retell event');
    if (outcome === 'stored') await this.afterStored(event, call);
    return outcome;
  }

  /** The caller is gone: a slot held for them goes (batched); a reminder's call decides how the reminder ended. */
  private async afterStored(event: string, call: NonNullable<RetellWebhookDto['call']>): Promise<void> {
    if (event === 'call_ended')
      void this.holds
        .callEnded(call.call_id)
        .catch((error: Error) => this.logger.warn({ error: error.message }, 'Could not release the call’s hold'));
    // Reminders are outbound calls; an inbound call costs nothing here.
    if (call.direction === 'outbound' && (event === 'call_ended' || event === 'call_analyzed'))
      await this.reminders.fromCall(
        call.call_id,
        call.disconnection_reason,
        call.call_analysis?.in_voicemail === true,
        call.end_timestamp ? new Date(call.end_timestamp) : new Date(),
      );
  }
}

/** `call.transcript_object` as Retell sent it, when it is a list of turns. */
function wordLevelTranscript(raw: unknown): unknown[] | undefined {
  const call =
    typeof raw === 'object' && raw !== null ? (raw as { call?: { transcript_object?: unknown } }).call : undefined;
  return Array.isArray(call?.transcript_object) ? call.transcript_object : undefined;
}
