import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { DataSource } from 'typeorm';
import type { DateOrder, Locale } from '../tenants/company.entity';
import type { CallContext, CallInfo } from './tool-context';
import { TenantChangesService } from '../tenants/tenant-changes.service';
import { splitParties, TENANT_CTE } from '../tenants/tenant-resolver.service';
import type { AgentPrincipal } from '../access/principal';

type Row = Record<string, string | null>;

const NO_CONTEXT: CallContext = {
  retellCallId: null,
  callId: null,
  callerNumber: null,
  company: null,
  branch: null,
  customer: null,
};

/*
 * $1 business number, $2 agent id, $3 caller number (TENANT_CTE), $4 Retell call id, $5 the company the principal
 * acts for, $6 direction, $7 from, $8 to, $9 call type. The call row is created on first sight and never moved to
 * another company; a principal of another company gets no row back, and nothing of that company is read.
 */
const CONTEXT_SQL = `
WITH ${TENANT_CTE},
target AS (SELECT COALESCE((SELECT id FROM company), $5::uuid) AS company_id),
upserted AS (
  INSERT INTO calls (retell_call_id, company_id, branch_id, customer_id, agent_id, direction, from_number, to_number,
    call_type, status)
  SELECT $4::text, (SELECT company_id FROM target), (SELECT branch_id FROM company), (SELECT id FROM customer),
    $2::text, $6, $7, $8, $9, 'ongoing'
  WHERE $4::text IS NOT NULL AND (SELECT company_id FROM target) = $5::uuid
  ON CONFLICT (retell_call_id) DO UPDATE SET
    company_id = COALESCE(calls.company_id, EXCLUDED.company_id),
    branch_id = CASE WHEN calls.company_id IS NULL THEN EXCLUDED.branch_id ELSE calls.branch_id END,
    customer_id = COALESCE(calls.customer_id,
      CASE WHEN calls.company_id IS NULL OR calls.company_id = EXCLUDED.company_id THEN EXCLUDED.customer_id END),
    agent_id = COALESCE(calls.agent_id, EXCLUDED.agent_id),
    direction = COALESCE(calls.direction, EXCLUDED.direction),
    from_number = COALESCE(calls.from_number, EXCLUDED.from_number),
    to_number = COALESCE(calls.to_number, EXCLUDED.to_number),
    updated_at = now()
  WHERE calls.company_id IS NULL OR calls.company_id = $5::uuid
  RETURNING id, company_id, branch_id, customer_id
),
chosen AS (
  SELECT u.id AS call_id, COALESCE(u.company_id, CASE WHEN $4::text IS NULL THEN (SELECT company_id FROM target) END) AS company_id,
         u.branch_id, COALESCE(u.customer_id, CASE WHEN $4::text IS NULL THEN (SELECT id FROM customer) END) AS customer_id
  FROM (SELECT 1) one LEFT JOIN upserted u ON true
)
SELECT chosen.call_id, co.id AS company_id, co.name AS company_name, co.timezone, co.locale, co.date_order,
       br.id AS branch_id, br.name AS branch_name, cu.id AS customer_id, cu.name AS customer_name,
       cu.email AS customer_email, cu.phone_e164 AS customer_phone, (SELECT id FROM company) AS resolved_company_id
FROM chosen
LEFT JOIN companies co ON co.id = chosen.company_id AND co.id = $5::uuid
LEFT JOIN branches br ON br.id = chosen.branch_id AND br.company_id = co.id
LEFT JOIN customers cu ON cu.id = chosen.customer_id AND cu.company_id = co.id`;

const KEPT_MS = 60_000;
const MAX_KEPT = 10_000;

/**
 * The call context of one request, in one database round trip; the same for every face. A call's later requests
 * reuse it from this process for a minute: the call row exists by then, and its company, branch and numbers never
 * change. The caller (customer) can be linked during the call, so a tool that needs the caller asks for it `fresh`.
 * The key is everything the answer depends on, the principal included: another token never gets this context.
 */
@Injectable()
export class CallContextService {
  private readonly kept = new Map<string, { context: CallContext; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
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
    const known = this.kept.get(key);
    if (!fresh && known && known.until > Date.now()) return known.context;
    const context = await this.lookup(call, principal);
    if (this.kept.size >= MAX_KEPT) this.kept.clear();
    if (context.company) this.kept.set(key, { context, until: Date.now() + KEPT_MS });
    return context;
  }

  /**
   * The principal's company bounds everything: the numbers must name it (or nothing) and the call id must be one of
   * its calls (or a new one). A principal acting for no company (a signed request whose numbers name none) gets no
   * context at all, so a call id alone never reaches another company's call.
   */
  private async lookup(call: CallInfo, principal: AgentPrincipal): Promise<CallContext> {
    const { businessNumber, callerNumber } = splitParties({
      direction: call.direction,
      fromNumber: call.from_number,
      toNumber: call.to_number,
    });
    const companyId = principal.companyId;
    if (principal.kind === 'signature' && principal.unresolved)
      throw new DomainError('DATABASE_UNAVAILABLE', 'Could not tell which company the call belongs to');
    if (!companyId) return { ...NO_CONTEXT, callerNumber };
    const [row]: Row[] = await this.dataSource.query(CONTEXT_SQL, [
      businessNumber,
      call.agent_id ?? null,
      callerNumber,
      call.call_id ?? null,
      companyId,
      call.direction ?? null,
      call.from_number ?? null,
      call.to_number ?? null,
      call.call_type ?? null,
    ]);
    const foreign =
      (row.resolved_company_id && row.resolved_company_id !== companyId) || (call.call_id && !row.call_id);
    if (foreign) throw new DomainError('FORBIDDEN', 'This call belongs to another company');
    return contextOf(row, call.call_id ?? null, callerNumber);
  }
}

function contextOf(row: Row, retellCallId: string | null, callerNumber: string | null): CallContext {
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
