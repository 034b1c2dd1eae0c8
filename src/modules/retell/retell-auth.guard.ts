import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { retellConfig, RetellConfig } from '../../config/configuration';
import { ApiTokensService } from '../diagnostics/api-tokens.service';
import { bearerToken } from '../diagnostics/bearer-token';
import { verifyRetellSignature } from './retell-signature';

/** How a Retell request proved itself: Retell's signature, or a function token bound to one company. */
export type RetellPrincipal = { kind: 'signature' } | { kind: 'token'; companyId: string; tokenId: string };

export type RetellRequest = Request & { rawBody?: Buffer; retellPrincipal?: RetellPrincipal };

/** Decides only; never logs a credential. X-Forwarded-For and client addresses play no part in the decision. */
@Injectable()
export class RetellAuthGuard implements CanActivate {
  constructor(
    @Inject(retellConfig.KEY) private readonly config: RetellConfig,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RetellRequest>();
    if (verifyRetellSignature(request.rawBody, request.headers['x-retell-signature'], this.config.apiKeys)) {
      request.retellPrincipal = { kind: 'signature' };
      return true;
    }
    const bearer = bearerToken(request);
    const token = bearer ? await this.tokens.verify(bearer, 'function') : null;
    if (token?.companyId) {
      request.retellPrincipal = { kind: 'token', companyId: token.companyId, tokenId: token.id };
      return true;
    }
    throw new UnauthorizedException('Invalid or missing credentials');
  }
}
