import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ApiTokensService } from './api-tokens.service';
import { bearerToken } from './bearer-token';
import type { AuthenticatedRequest } from './principal';

/** An admin token in the `Authorization` header, or 401 with the same answer whatever was wrong. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(private readonly tokens: ApiTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    const row = token ? await this.tokens.verify(token, 'admin') : null;
    if (!row) throw new UnauthorizedException('Invalid or missing credentials');
    request.principal = { kind: 'admin', tokenId: row.id };
    return true;
  }
}
