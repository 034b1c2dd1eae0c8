import type { DateOrder, Locale } from '../tenants/company.entity';

/**
 * What every tool of one request works with, whichever face it came through: the company (null when nothing named
 * one), the branch and customer of the call, the caller's number, and the call (our id and the platform's id).
 */
export interface CallContext {
  retellCallId: string | null;
  callId: string | null;
  callerNumber: string | null;
  company: { id: string; name: string; timezone: string; locale: Locale; dateOrder: DateOrder | null } | null;
  branch: { id: string; name: string } | null;
  customer: { id: string; name: string | null; email: string | null; phone: string | null } | null;
}

/** A call context whose company is known: the only kind a tool runs with. */
export type ToolContext = CallContext & { company: NonNullable<CallContext['company']> };

/** The call as a face describes it (Retell's call object, or headers and query parameters). */
export interface CallInfo {
  call_id?: string;
  agent_id?: string;
  direction?: string;
  from_number?: string;
  to_number?: string;
  call_type?: string;
}
