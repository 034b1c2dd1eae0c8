import { ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
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

export const ADMIN_ONLY = 'vbg:admin-only';
/** A route no viewer token may read (tokens, diagnostics across companies). */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

/**
 * An admin token in the `Authorization` header, or a company's viewer token: a viewer reads (GET) its own company
 * alone (a route naming another company in its path is a 403) and changes nothing; anything else is a 401.
 */
@Injectable()
export class AdminAuthGuard extends bearerGuard('admin-bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (principal?.kind !== 'viewer') return true;
    const adminOnly = this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, [context.getHandler(), context.getClass()]);
    if (adminOnly || (request.method !== 'GET' && request.method !== 'HEAD'))
      throw new ForbiddenException('A viewer token reads its own company and changes nothing');
    const named = (request.params as Record<string, string> | undefined)?.companyId;
    if (named !== undefined && named !== principal.companyId) throw new ForbiddenException(FOREIGN);
    return true;
  }
}

const FOREIGN = 'This belongs to another company';

/** The company a viewer token reads for; undefined for an admin (every company). */
export function viewerCompany(request: AuthenticatedRequest): string | undefined {
  return request.principal?.kind === 'viewer' ? request.principal.companyId : undefined;
}

/** A 403 when a viewer asks for a row of another company. */
export function assertVisible(request: AuthenticatedRequest, companyId: string | null | undefined): void {
  const own = viewerCompany(request);
  if (own !== undefined && companyId !== own) throw new ForbiddenException(FOREIGN);
}

/** A function token in the `Authorization` header, or 401. */
@Injectable()
export class FunctionTokenGuard extends bearerGuard('function-bearer') {}
