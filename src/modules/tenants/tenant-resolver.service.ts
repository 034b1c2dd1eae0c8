import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { callNumberToE164, countryOf } from '../../common/phone';

export interface CallParties {
  direction?: string | null;
  fromNumber?: string | null;
  toNumber?: string | null;
  agentId?: string | null;
}

export interface ResolvedTenant {
  companyId: string;
  companyName: string;
  timezone: string;
  locale: string;
  branchId: string | null;
  branchName: string | null;
  customerId: string | null;
  customerName: string | null;
}

/** A call's parties as Retell names them (its call object, the inbound webhook, a tool request's call). */
export interface RetellParties {
  direction?: string | null;
  from_number?: string | null;
  to_number?: string | null;
  agent_id?: string | null;
}

/** The one mapping from Retell's names to ours. */
export const partiesOf = (call: RetellParties): CallParties => ({
  direction: call.direction,
  fromNumber: call.from_number,
  toNumber: call.to_number,
  agentId: call.agent_id,
});

/**
 * The business's number is the called one on inbound calls and the calling one on outbound calls. Both in E.164,
 * whatever form Retell passed on; a caller's national digits are read in the business number's country.
 */
export function splitParties(parties: CallParties): { businessNumber: string | null; callerNumber: string | null } {
  const outbound = parties.direction === 'outbound';
  const businessNumber = callNumberToE164(outbound ? parties.fromNumber : parties.toNumber);
  const callerNumber = callNumberToE164(outbound ? parties.toNumber : parties.fromNumber, countryOf(businessNumber));
  return { businessNumber, callerNumber };
}

/**
 * The SQL that finds a call's company (by the business number, else by agent id), its branch and the caller as a
 * customer. $1 business number, $2 agent id, $3 caller number. Shared by the inbound webhook and the call context.
 */
export const TENANT_CTE = `
  company AS (
    SELECT c.id, c.name, c.timezone, c.locale, pn.branch_id, b.name AS branch_name
    FROM (
      SELECT pn.company_id, pn.branch_id, 1 AS rank FROM phone_numbers pn WHERE pn.e164 = $1
      UNION ALL
      SELECT c.id, NULL::uuid, 2 FROM companies c WHERE $2::text IS NOT NULL AND c.retell_agent_ids @> ARRAY[$2::text]
      ORDER BY rank LIMIT 1
    ) pn
    JOIN companies c ON c.id = pn.company_id
    LEFT JOIN branches b ON b.id = pn.branch_id
  ),
  customer AS (
    SELECT cu.id, cu.name FROM customers cu JOIN company ON cu.company_id = company.id WHERE cu.phone_e164 = $3
  )`;

@Injectable()
export class TenantResolverService {
  constructor(private readonly dataSource: DataSource) {}

  /** One query. Null when no company owns the number or agent. Inside a transaction, pass its manager. */
  async resolve(
    parties: CallParties,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResolvedTenant | null> {
    const { businessNumber, callerNumber } = splitParties(parties);
    const rows: Array<Record<string, string | null>> = await manager.query(
      `WITH ${TENANT_CTE}
       SELECT company.id AS company_id, company.name AS company_name, company.timezone, company.locale,
              company.branch_id, company.branch_name,
              customer.id AS customer_id, customer.name AS customer_name
       FROM company LEFT JOIN customer ON true`,
      [businessNumber, parties.agentId ?? null, callerNumber],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      companyId: row.company_id as string,
      companyName: row.company_name as string,
      timezone: row.timezone as string,
      locale: row.locale as string,
      branchId: row.branch_id,
      branchName: row.branch_name,
      customerId: row.customer_id,
      customerName: row.customer_name,
    };
  }
}
