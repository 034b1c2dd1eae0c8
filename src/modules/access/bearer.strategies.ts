import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { ApiTokensService } from './api-tokens.service';
import type { AgentPrincipal, Principal } from './principal';

/** `Authorization: Bearer vbg_adm_…` (an admin token) or `vbg_vw_…` (a company's viewer), verified by hash. */
@Injectable()
export class AdminBearerStrategy extends PassportStrategy(Strategy, 'admin-bearer') {
  constructor(private readonly tokens: ApiTokensService) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    const row = await this.tokens.verify(token, ['admin', 'viewer']);
    if (!row) return false;
    if (row.kind === 'viewer' && row.companyId) return { kind: 'viewer', tokenId: row.id, companyId: row.companyId };
    return row.kind === 'admin' ? { kind: 'admin', tokenId: row.id } : false;
  }
}

/** `Authorization: Bearer vbg_fn_…`: a function token, acting for the one company it is bound to. */
@Injectable()
export class FunctionBearerStrategy extends PassportStrategy(Strategy, 'function-bearer') {
  constructor(private readonly tokens: ApiTokensService) {
    super();
  }

  async validate(token: string): Promise<AgentPrincipal | false> {
    const row = await this.tokens.verify(token, 'function');
    return row?.companyId ? { kind: 'token', companyId: row.companyId, tokenId: row.id } : false;
  }
}
