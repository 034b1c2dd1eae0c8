import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { parseVendorPayload } from '../../common/vendor-payload';
import type { AgentPrincipal } from '../access/principal';
import { partiesOf, ResolvedTenant, TenantResolverService } from '../tenants/tenant-resolver.service';
import { RetellInboundWebhookDto } from './retell-webhook.dto';

/** Retell's answer shape: under `call_inbound` for calls, under `chat_inbound` for chats (SMS and web chat). */
export type InboundAnswer = Partial<
  Record<'call_inbound' | 'chat_inbound', { dynamic_variables?: Record<string, string> }>
>;

/** Retell keeps the line ringing while it waits; past this we answer without variables rather than late. */
const INBOUND_BUDGET_MS = 2000;

/**
 * Recognises the caller of an inbound call or chat for the called company, in milliseconds, and never fails. Only for
 * the company the request's credential acts for: anything else gets no variables.
 */
@Injectable()
export class RetellInboundService {
  private readonly logger = new Logger(RetellInboundService.name);

  constructor(private readonly tenants: TenantResolverService) {}

  async answer(body: unknown, principal: AgentPrincipal): Promise<InboundAnswer> {
    const key = isChat(body) ? 'chat_inbound' : 'call_inbound';
    try {
      const parsed = await parseVendorPayload(RetellInboundWebhookDto, body);
      const inbound = parsed.ok ? (parsed.value.chat_inbound ?? parsed.value.call_inbound) : undefined;
      if (!inbound) return { [key]: {} };
      const parties = partiesOf({ ...inbound, direction: 'inbound' });
      const tenant = principal.companyId ? await withDeadline(this.tenants.resolve(parties), INBOUND_BUDGET_MS) : null;
      const own = tenant && tenant.companyId === principal.companyId;
      return { [key]: own ? { dynamic_variables: variables(tenant) } : {} };
    } catch (error) {
      // Fail open: the call goes on without personalisation rather than ringing into an error.
      this.logger.warn({ error: (error as Error).message }, 'Inbound lookup failed; answering without variables');
      return { [key]: {} };
    }
  }
}

const isChat = (body: unknown) => typeof body === 'object' && body !== null && 'chat_inbound' in body;

function variables(tenant: ResolvedTenant): Record<string, string> {
  return {
    company_name: tenant.companyName,
    branch_name: tenant.branchName ?? '',
    customer_name: tenant.customerName ?? '',
    customer_known: tenant.customerId ? 'true' : 'false',
    ...localClock(tenant.timezone, tenant.locale),
  };
}

/**
 * The company's own date and time, so the agent's LLM can turn "übermorgen" into a date itself: Retell's
 * `{{current_time}}` is in America/Los_Angeles unless the prompt names a zone.
 */
function localClock(timeZone: string, locale: string, now = new Date()): Record<string, string> {
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
