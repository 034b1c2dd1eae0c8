import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { AuthenticatedRequest, Principal } from './principal';

const INVALID = 'Invalid or missing credentials';

/**
 * passport-http-bearer also reads `access_token` from the query string and the body; a token there ends up in access
 * logs, proxies and browser history, so such a request is refused before the strategy sees it: header only.
 */
function headerOnly(request: AuthenticatedRequest): void {
  const inQuery = typeof request.query === 'object' && request.query !== null && 'access_token' in request.query;
  const body = request.body as Record<string, unknown> | undefined;
  const inBody = typeof body === 'object' && body !== null && 'access_token' in body;
  if (inQuery || inBody) throw new UnauthorizedException(INVALID);
}

/** A bearer strategy's guard: header only, the principal on `request.principal`, one 401 whatever was wrong. */
function bearerGuard(strategy: 'admin-bearer' | 'function-bearer') {
  return class extends AuthGuard(strategy) {
    override async canActivate(context: ExecutionContext): Promise<boolean> {
      headerOnly(context.switchToHttp().getRequest<AuthenticatedRequest>());
      return (await super.canActivate(context)) as boolean;
    }

    override handleRequest<T = Principal>(error: unknown, principal: T, _info: unknown, context: ExecutionContext): T {
      // An error is the token store failing (the database away), not a wrong token: it stays a server error.
      if (error) throw error;
      if (!principal) throw new UnauthorizedException(INVALID);
      context.switchToHttp().getRequest<AuthenticatedRequest>().principal = principal as unknown as Principal;
      return principal;
    }
  };
}

/** An admin token in the `Authorization` header, or 401. */
@Injectable()
export class AdminAuthGuard extends bearerGuard('admin-bearer') {}

/** A function token in the `Authorization` header, or 401. */
@Injectable()
export class FunctionTokenGuard extends bearerGuard('function-bearer') {}
