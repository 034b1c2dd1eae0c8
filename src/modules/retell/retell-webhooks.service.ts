import { DateTime } from 'luxon';
import { ForbiddenException, Injectable, Logger } from '@nestjs/common';
import { parseVendorPayload } from '../../common/vendor-payload';
import { CallsService, RecordOutcome } from '../calls/calls.service';
import { TenantResolverService } from '../tenants/tenant-resolver.service';
import { RetellPrincipal } from './retell-auth.guard';
import { RetellInboundWebhookDto, RetellWebhookDto } from './retell-webhook.dto';

export interface InboundAnswer {
  call_inbound: { dynamic_variables?: Record<string, string> };
}

/** Retell keeps the line ringing while it waits; past this we answer without variables rather than late. */
const INBOUND_BUDGET_MS = 2000;

@Injectable()
export class RetellWebhooksService {
  private readonly logger = new Logger(RetellWebhooksService.name);

  constructor(
    private readonly calls: CallsService,
    private readonly tenants: TenantResolverService,
  ) {}

  async record({ event, call }: RetellWebhookDto, principal?: RetellPrincipal): Promise<RecordOutcome> {
    if (principal?.kind === 'token') {
      const tenant = await this.tenants.resolve({ direction: call.direction, fromNumber: call.from_number, toNumber: call.to_number, agentId: call.agent_id });
      if (tenant && tenant.companyId !== principal.companyId) throw new ForbiddenException('This call belongs to another company');
    }
    const outcome = await this.calls.recordEvent(event, {
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
      disconnectionReason: call.disconnection_reason,
      recordingUrl: call.recording_url,
      analysis: call.call_analysis,
      cost: call.call_cost,
    });
    this.logger.log({ event, outcome }, 'Retell event');
    return outcome;
  }

  /** Recognises the caller for the called company. Fails open: any trouble answers no variables, never an error. */
  async inbound(body: unknown): Promise<InboundAnswer> {
    try {
      const parsed = await parseVendorPayload(RetellInboundWebhookDto, body);
      if (!parsed.ok) return { call_inbound: {} };
      const { from_number, to_number, agent_id } = parsed.value.call_inbound;
      const tenant = await withDeadline(this.tenants.resolve({ direction: 'inbound', fromNumber: from_number, toNumber: to_number, agentId: agent_id }), INBOUND_BUDGET_MS);
      if (!tenant) return { call_inbound: {} };
      return {
        call_inbound: {
          dynamic_variables: {
            company_name: tenant.companyName,
            branch_name: tenant.branchName ?? '',
            customer_name: tenant.customerName ?? '',
            customer_known: tenant.customerId ? 'true' : 'false',
            ...localClock(tenant.timezone, tenant.locale),
          },
        },
      };
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'Inbound lookup failed; answering without variables');
      return { call_inbound: {} };
    }
  }
}

/**
 * The company's own date and time, so the agent's LLM can turn "übermorgen" into a date itself: Retell's
 * `{{current_time}}` is in America/Los_Angeles unless the prompt names a zone.
 */
export function localClock(timeZone: string, locale: string, now = new Date()): Record<string, string> {
  const local = DateTime.fromJSDate(now, { zone: timeZone }).setLocale(locale === 'en' ? 'en' : 'de');
  return {
    current_date: local.toISODate()!,
    current_weekday: local.toFormat('cccc'),
    current_time: local.toFormat('HH:mm'),
    current_timezone: timeZone,
  };
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
