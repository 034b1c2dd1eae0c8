import { ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthenticatedRequest } from '../modules/access/principal';

export const RATE_SCOPE_NAMES = ['retell', 'booking', 'write', 'webhooks', 'mcp', 'diagnostic', 'admin'] as const;
export type RateScope = (typeof RATE_SCOPE_NAMES)[number];

const RATE_SCOPES = 'gateway:rate-scopes';

/** The limits a route counts against; a handler's own list replaces its controller's. */
export const RateScopes = (...scopes: RateScope[]) => SetMetadata(RATE_SCOPES, scopes);

/** A face adds scopes it only knows after reading the request (an MCP `tools/call` that writes or books). */
export type ScopedRequest = AuthenticatedRequest & { extraRateScopes?: RateScope[] };

/** The scopes a handler declares (its own list, else its controller's); read once per handler. */
const declaredScopes = new WeakMap<object, readonly RateScope[]>();

function declaredOf(context: ExecutionContext): readonly RateScope[] {
  const handler = context.getHandler();
  let declared = declaredScopes.get(handler);
  if (!declared) {
    declared =
      (Reflect.getMetadata(RATE_SCOPES, handler) as RateScope[] | undefined) ??
      (Reflect.getMetadata(RATE_SCOPES, context.getClass()) as RateScope[] | undefined) ??
      [];
    declaredScopes.set(handler, declared);
  }
  return declared;
}

/** Whether a request counts against a limit: the route's scopes, unless the principal is vital, plus the face's. */
export function countsAgainst(scope: RateScope, context: ExecutionContext): boolean {
  const request = context.switchToHttp().getRequest<ScopedRequest>();
  if (request.principal?.kind === 'signature' && request.principal.vital) return false;
  return declaredOf(context).includes(scope) || (request.extraRateScopes?.includes(scope) ?? false);
}
