import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../../common/domain-error';
import type { AgentPrincipal } from '../access/principal';
import { CallsService } from '../calls/calls.service';
import type { ToolCallRow } from '../calls/tool-call-sql';
import type { DateOrder, Locale } from '../tenants/company.entity';
import { TenantChangesService } from '../tenants/tenant-changes.service';
import { partiesOf, splitParties } from '../tenants/tenant-resolver.service';
import type { CallContext, CallInfo } from './tool-context';

const NO_CONTEXT: CallContext = {
  retellCallId: null,
  callId: null,
  callerNumber: null,
  company: null,
  branch: null,
  customer: null,
};

/**
 * The call context of one request, in one database round trip; the same for every face. A call's later requests
 * reuse it from this process for a minute: the call row exists by then, and its company, branch and numbers never
 * change. The caller (customer) can be linked during the call, so a tool that needs the caller asks for it `fresh`.
 * The key is everything the answer depends on, the principal included: another token never gets this context.
 */
@Injectable()
export class CallContextService {
  private readonly kept = new LRUCache<string, CallContext>({ max: 10_000, ttl: 60_000 });

  constructor(
    private readonly calls: CallsService,
    changes: TenantChangesService,
  ) {
    changes.subscribe(() => this.forget());
  }

  /** Drops every kept context (a tenant changed: numbers, agents or the company itself). */
  forget(): void {
    this.kept.clear();
  }

  async resolve(call: CallInfo, principal: AgentPrincipal, fresh = false): Promise<CallContext> {
    if (!call.call_id) return this.lookup(call, principal);
    const key = JSON.stringify([principal, call]);
    const known = fresh ? undefined : this.kept.get(key);
    if (known) return known;
    const context = await this.lookup(call, principal);
    if (context.company) this.kept.set(key, context);
    return context;
  }

  /**
   * The principal's company bounds everything: the numbers must name it (or nothing) and the call id must be one of
   * its calls (or a new one). A principal acting for no company (a signed request whose numbers name none) gets no
   * context at all, so a call id alone never reaches another company's call.
   */
  private async lookup(call: CallInfo, principal: AgentPrincipal): Promise<CallContext> {
    const { businessNumber, callerNumber } = splitParties(partiesOf(call));
    const companyId = principal.companyId;
    if (principal.kind === 'signature' && principal.unresolved)
      throw new DomainError('DATABASE_UNAVAILABLE', 'Could not tell which company the call belongs to');
    if (!companyId) return { ...NO_CONTEXT, callerNumber };
    const row = await this.calls.openForTool({
      businessNumber,
      agentId: call.agent_id ?? null,
      callerNumber,
      retellCallId: call.call_id ?? null,
      companyId,
      direction: call.direction ?? null,
      fromNumber: call.from_number ?? null,
      toNumber: call.to_number ?? null,
      callType: call.call_type ?? null,
    });
    const foreign =
      (row.resolved_company_id && row.resolved_company_id !== companyId) || (call.call_id && !row.call_id);
    if (foreign) throw new DomainError('FORBIDDEN', 'This call belongs to another company');
    return contextOf(row, call.call_id ?? null, callerNumber);
  }
}

function contextOf(row: ToolCallRow, retellCallId: string | null, callerNumber: string | null): CallContext {
  return {
    retellCallId,
    callId: row.call_id,
    callerNumber,
    company: row.company_id
      ? {
          id: row.company_id,
          name: row.company_name as string,
          timezone: row.timezone as string,
          locale: row.locale as Locale,
          dateOrder: (row.date_order as DateOrder | null) ?? null,
        }
      : null,
    branch: row.branch_id ? { id: row.branch_id, name: row.branch_name as string } : null,
    customer: row.customer_id
      ? { id: row.customer_id, name: row.customer_name, email: row.customer_email, phone: row.customer_phone }
      : null,
  };
}
