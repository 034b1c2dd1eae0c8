import { Injectable } from '@nestjs/common';
import { splitParties, TenantResolverService } from '../modules/tenants/tenant-resolver.service';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * The company a signed Retell request belongs to, for counting it against that company's limit. Retell signs every
 * tenant's requests with the same key and sends them from the same addresses, so neither identifies a tenant; the
 * called number (or agent) does. Remembered for a minute per number, so counting costs no query per request.
 */
@Injectable()
export class ThrottleTrackerService {
  private readonly known = new Map<string, { tracker: string | null; until: number }>();

  constructor(private readonly tenants: TenantResolverService) {}

  async companyOfCall(body: unknown): Promise<string | null> {
    // Function calls and events carry `call`; the inbound webhook carries `call_inbound` (always an inbound call).
    type Envelope = { call?: unknown; call_inbound?: unknown; chat_inbound?: unknown };
    const envelope: Envelope = typeof body === 'object' && body !== null ? body : {};
    const call = envelope.call ?? envelope.call_inbound ?? envelope.chat_inbound;
    if (typeof call !== 'object' || call === null) return null;
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 64) : null);
    const parties = {
      direction: text((call as Record<string, unknown>).direction),
      fromNumber: text((call as Record<string, unknown>).from_number),
      toNumber: text((call as Record<string, unknown>).to_number),
      agentId: text((call as Record<string, unknown>).agent_id),
    };
    const { businessNumber } = splitParties(parties);
    const key = `${businessNumber ?? ''}|${parties.agentId ?? ''}`;
    const cached = this.known.get(key);
    if (cached && cached.until > Date.now()) return cached.tracker;
    const tenant =
      businessNumber || parties.agentId ? await this.tenants.resolve(parties).catch(() => undefined) : null;
    // The database is away: count this request by address, and ask again next time.
    if (tenant === undefined) return null;
    const tracker = tenant ? `company:${tenant.companyId}` : businessNumber ? `number:${businessNumber}` : null;
    if (this.known.size >= MAX_ENTRIES) this.known.clear();
    this.known.set(key, { tracker, until: Date.now() + TTL_MS });
    return tracker;
  }
}
