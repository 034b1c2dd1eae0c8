import type { Request } from 'express';

/**
 * Who a request acts for, once a guard has proved it. A face may add what it learns later: the company a signed
 * Retell request belongs to (from its numbers or agent), or that the request is vital (never rate limited).
 */
export type Principal =
  | { kind: 'admin'; tokenId: string }
  | { kind: 'token'; tokenId: string; companyId: string }
  | { kind: 'signature'; companyId?: string | null; businessNumber?: string | null; vital?: boolean };

export type AuthenticatedRequest = Request & { rawBody?: Buffer; principal?: Principal };

/** The counter a principal's requests share: its company where known, else its token, else the client address. */
export function rateTracker(principal: Principal | undefined, ip: string | undefined): string {
  if (principal?.kind === 'admin') return `token:${principal.tokenId}`;
  if (principal?.companyId) return `company:${principal.companyId}`;
  if (principal?.kind === 'signature' && principal.businessNumber) return `number:${principal.businessNumber}`;
  return `ip:${ip ?? 'unknown'}`;
}
