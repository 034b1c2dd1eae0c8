import { TENANT_CTE } from '../tenants/tenant-resolver.service';

/*
 * $1 business number, $2 agent id, $3 caller number (TENANT_CTE), $4 Retell call id, $5 the company the principal
 * acts for, $6 direction, $7 from, $8 to, $9 call type. The call row is created on first sight and never moved to
 * another company; a principal of another company gets no row back, and nothing of that company is read.
 */
export const TOOL_CALL_SQL = `
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

/** What a tool request says of its call, for `TOOL_CALL_SQL`. */
export interface ToolCallRequest {
  businessNumber: string | null;
  agentId: string | null;
  callerNumber: string | null;
  retellCallId: string | null;
  /** The company the request's credential acts for. */
  companyId: string;
  direction: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  callType: string | null;
}

/** The call row with its company, branch and customer (snake_case, as selected); `call_id` null when refused. */
export type ToolCallRow = Record<string, string | null>;
