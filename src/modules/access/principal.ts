import type { Request } from 'express';

/**
 * Who a request acts for, once a guard has proved it. A function token acts for its company; a Retell signature for
 * the company its numbers (or agent) name, proved by a key that signs for that company, or for none. `vital`: never
 * rate limited (a signed lifecycle event or inbound webhook).
 */
export type Principal =
  | { kind: 'admin'; tokenId: string }
  /** A business owner's read token: the admin API's reads, for this company alone. */
  | { kind: 'viewer'; tokenId: string; companyId: string }
  | { kind: 'calcom'; companyId: string }
  | { kind: 'token'; tokenId: string; companyId: string; vital?: boolean }
  | {
      kind: 'signature';
      companyId: string | null;
      businessNumber?: string | null;
      vital?: boolean;
      /** The database could not say which company the request names: it acts for none, and stores nothing. */
      unresolved?: boolean;
    };

/** How an agent-facing request proved itself: Retell's signature, or a function token bound to one company. */
export type AgentPrincipal = Extract<Principal, { kind: 'signature' } | { kind: 'token' }>;

export type AuthenticatedRequest = Request & { rawBody?: Buffer; principal?: Principal };

/** The counter a principal's requests share: its company where known, else its token, else the client address. */
export function rateTracker(principal: Principal | undefined, ip: string | undefined): string {
  if (principal?.kind === 'admin' || principal?.kind === 'viewer') return `token:${principal.tokenId}`;
  if (principal?.companyId) return `company:${principal.companyId}`;
  if (principal?.kind === 'signature' && principal.businessNumber) return `number:${principal.businessNumber}`;
  return `ip:${ip ?? 'unknown'}`;
}
