import type { Request } from 'express';
import type { ApiTokensService } from './api-tokens.service';
import { bearerToken } from './bearer-token';
import type { AgentPrincipal } from './principal';

/** `Authorization: Bearer <function token>`: the principal of its company, or undefined. */
export async function functionTokenPrincipal(
  tokens: ApiTokensService,
  request: Pick<Request, 'headers'>,
): Promise<AgentPrincipal | undefined> {
  const bearer = bearerToken(request);
  const token = bearer ? await tokens.verify(bearer, 'function') : null;
  return token?.companyId ? { kind: 'token', companyId: token.companyId, tokenId: token.id } : undefined;
}
