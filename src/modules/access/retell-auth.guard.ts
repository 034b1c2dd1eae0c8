import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { retellConfig, RetellConfig } from '../../config/configuration';
import { ApiTokensService } from './api-tokens.service';
import { bearerToken } from './bearer-token';
import type { AuthenticatedRequest, Principal } from './principal';
import { verifyRetellSignature } from './retell-signature';

/** How an agent-facing request proved itself: Retell's signature, or a function token bound to one company. */
export type AgentPrincipal = Extract<Principal, { kind: 'signature' } | { kind: 'token' }>;

/**
 * Retell's signature over the raw body, or `Authorization: Bearer <function token>`. Decides only; never logs a
 * credential. X-Forwarded-For and client addresses play no part in the decision.
 */
@Injectable()
export class RetellAuthGuard implements CanActivate {
  constructor(
    @Inject(retellConfig.KEY) private readonly config: RetellConfig,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.principalOf(request);
    if (request.principal) return true;
    throw new UnauthorizedException('Invalid or missing credentials');
  }

  async principalOf(request: AuthenticatedRequest, signed = true): Promise<AgentPrincipal | undefined> {
    if (signed && verifyRetellSignature(request.rawBody, request.headers['x-retell-signature'], this.config.apiKeys))
      return { kind: 'signature' };
    const bearer = bearerToken(request);
    const token = bearer ? await this.tokens.verify(bearer, 'function') : null;
    return token?.companyId ? { kind: 'token', companyId: token.companyId, tokenId: token.id } : undefined;
  }
}
