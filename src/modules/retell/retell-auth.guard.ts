import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { FunctionTokenGuard } from '../access/bearer-auth.guard';
import type { AgentPrincipal, AuthenticatedRequest } from '../access/principal';
import { signingKey } from '../access/retell-signature';
import { CompanyAccountsService } from '../tenants/company-accounts.service';
import type { RetellKeyring } from '../tenants/retell-keyring';
import { TenantChangesService } from '../tenants/tenant-changes.service';
import { splitParties, TenantResolverService } from '../tenants/tenant-resolver.service';
import { isVital } from './retell-routes';
import { Named, namedBy } from './retell-parties';
import { CallsService } from '../calls/calls.service';

/** The company a request names (null: none), and its business number; `unresolved` when the database is away. */
interface NamedCompany {
  companyId: string | null;
  businessNumber: string | null;
  unresolved?: boolean;
}

const FOREIGN = 'This request names a company its credentials do not belong to';

/**
 * Retell's routes: a valid `x-retell-signature` made with a key that signs for the company the request names (its
 * own Retell keys, or the deployment's when it has none), or `Authorization: Bearer <function token>` of that
 * company. A valid credential of another company is a 403, anything else a 401; the principal then acts for the
 * named company alone. Decides only; never logs a credential. Client addresses play no part.
 */
@Injectable()
export class RetellAuthGuard implements CanActivate {
  /** The company each number, agent or call names, a minute long: no query per request. */
  private readonly named = new LRUCache<string, { companyId: string | null }>({ max: 10_000, ttl: 60_000 });

  constructor(
    private readonly functionToken: FunctionTokenGuard,
    private readonly accounts: CompanyAccountsService,
    private readonly tenants: TenantResolverService,
    private readonly calls: CallsService,
    changes: TenantChangesService,
  ) {
    changes.subscribe(() => this.named.clear());
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!hasCredential(request)) throw new UnauthorizedException('Invalid or missing credentials');
    const named = await this.companyNamed(namedBy(request)).catch(() => UNRESOLVED);
    const principal = (await this.signed(request, named)) ?? (await this.token(context, request));
    if (named.companyId && principal.companyId !== named.companyId) throw new ForbiddenException(FOREIGN);
    request.principal = { ...principal, vital: isVital(context.getHandler(), request.body) };
    return true;
  }

  /**
   * A signature made with a key of the named company (none named: any key; a key that is one company's own then
   * acts for it). A valid signature with any other configured key is a 403; without a valid one, undefined.
   */
  private async signed(request: AuthenticatedRequest, named: NamedCompany): Promise<AgentPrincipal | undefined> {
    const header = request.headers['x-retell-signature'];
    if (header === undefined) return undefined;
    const keyring = await this.accounts.retellKeyring();
    const { businessNumber } = named;
    if (named.unresolved) {
      const key = signingKey(request.rawBody, header, keyring.all());
      return key ? { kind: 'signature', companyId: null, businessNumber, unresolved: true } : undefined;
    }
    if (!named.companyId) {
      const key = signingKey(request.rawBody, header, keyring.all());
      const owners = key ? keyring.ownersOf(key) : [];
      return key ? { kind: 'signature', companyId: owners.length === 1 ? owners[0] : null, businessNumber } : undefined;
    }
    const own = keyring.keysFor(named.companyId);
    if (signingKey(request.rawBody, header, own))
      return { kind: 'signature', companyId: named.companyId, businessNumber };
    if (signingKey(request.rawBody, header, others(keyring, own))) throw new ForbiddenException(FOREIGN);
    return undefined;
  }

  /** The company the numbers or agent name; failing those, the company of the call the request names. */
  /** A function token (passport-http-bearer, header only); a 401 when there is none or it is not valid. */
  private async token(context: ExecutionContext, request: AuthenticatedRequest): Promise<AgentPrincipal> {
    await this.functionToken.canActivate(context);
    return request.principal as AgentPrincipal;
  }

  private async companyNamed({ parties, callId }: Named): Promise<NamedCompany> {
    const { businessNumber } = splitParties(parties);
    const byParties =
      businessNumber || parties.agentId
        ? await this.remembered(`${businessNumber ?? ''}|${parties.agentId ?? ''}`, async () => {
            return (await this.tenants.resolve(parties))?.companyId ?? null;
          })
        : null;
    const byCall =
      !byParties && callId ? await this.remembered(`call:${callId}`, () => this.calls.companyOfCall(callId)) : null;
    return { companyId: byParties ?? byCall, businessNumber };
  }

  private async remembered(key: string, find: () => Promise<string | null>): Promise<string | null> {
    const known = this.named.get(key);
    if (known) return known.companyId;
    const companyId = await find();
    // A call not yet tied to a company may be tied by its next event: only a company is remembered for it.
    if (companyId || !key.startsWith('call:')) this.named.set(key, { companyId });
    return companyId;
  }
}

const UNRESOLVED: NamedCompany = { companyId: null, businessNumber: null, unresolved: true };

/** A signature header or a bearer token at all: without either, a 401 before anything is looked up. */
const hasCredential = (request: AuthenticatedRequest) =>
  typeof request.headers['x-retell-signature'] === 'string' || typeof request.headers.authorization === 'string';

const others = (keyring: RetellKeyring, own: readonly string[]) => keyring.all().filter((key) => !own.includes(key));
