import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../access/principal';
import { splitParties, TenantResolverService } from '../tenants/tenant-resolver.service';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const LIFECYCLE = new Set(['call_started', 'call_ended', 'call_analyzed']);
type Known = { companyId: string | null; businessNumber: string | null };

/**
 * Completes a signed Retell request's principal: the company its numbers (or agent) name, for counting it against
 * that company's limit (Retell signs every tenant's requests with one key from the same addresses, so neither tells
 * tenants apart), and whether it is vital. Remembered a minute per number, so it costs no query per request.
 * Never refuses: a database that is away leaves the request counted by address.
 */
@Injectable()
export class RetellTenantGuard implements CanActivate {
  private readonly known = new Map<string, Known & { until: number }>();

  constructor(private readonly tenants: TenantResolverService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (principal?.kind !== 'signature') return true;
    Object.assign(principal, await this.companyOfCall(request.body), { vital: isVital(request) });
    return true;
  }

  private async companyOfCall(body: unknown): Promise<Known | null> {
    // Function calls and events carry `call`; the inbound webhook carries `call_inbound` (always an inbound call).
    type Envelope = { call?: unknown; call_inbound?: unknown; chat_inbound?: unknown };
    const envelope: Envelope = typeof body === 'object' && body !== null ? body : {};
    const call = envelope.call ?? envelope.call_inbound ?? envelope.chat_inbound;
    if (typeof call !== 'object' || call === null) return null;
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 64) : null);
    const fields = call as Record<string, unknown>;
    const parties = {
      direction: text(fields.direction),
      fromNumber: text(fields.from_number),
      toNumber: text(fields.to_number),
      agentId: text(fields.agent_id),
    };
    const { businessNumber } = splitParties(parties);
    const key = `${businessNumber ?? ''}|${parties.agentId ?? ''}`;
    const cached = this.known.get(key);
    if (cached && cached.until > Date.now()) return cached;
    const tenant =
      businessNumber || parties.agentId ? await this.tenants.resolve(parties).catch(() => undefined) : null;
    // The database is away: count this request by address, and ask again next time.
    if (tenant === undefined) return null;
    const known = { companyId: tenant?.companyId ?? null, businessNumber };
    if (this.known.size >= MAX_ENTRIES) this.known.clear();
    this.known.set(key, { ...known, until: Date.now() + TTL_MS });
    return known;
  }
}

/**
 * A signed lifecycle event or inbound webhook: never rate limited. Refusing one loses a call record or leaves a
 * caller unrecognised once Retell's few quick retries are spent, and the signature already proves it is Retell's.
 * Busy streams (`transcript_updated` on every turn, transfer events) count against the webhook limit instead.
 */
function isVital(request: AuthenticatedRequest): boolean {
  if (request.path === '/api/webhooks/retell/inbound') return true;
  const event = (request.body as { event?: unknown } | undefined)?.event;
  return request.path === '/api/webhooks/retell' && typeof event === 'string' && LIFECYCLE.has(event);
}
