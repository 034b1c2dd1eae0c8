import { DomainError } from '../../common/domain-error';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiToken, TokenKind } from './api-token.entity';

export interface CreatedToken {
  id: string;
  kind: TokenKind;
  name: string;
  companyId: string | null;
  /** Shown once; only its SHA-256 is stored. */
  token: string;
}

export type TokenView = Omit<ApiToken, 'tokenHash' | 'company'>;

const MAX_TOKEN_LENGTH = 256;
const LAST_USED_RESOLUTION_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** `vbg_adm_…`, `vbg_fn_…`, `vbg_vw_…`: the kind readable at a glance (in a leak report, say). */
const PREFIX: Record<TokenKind, string> = { admin: 'adm', function: 'fn', viewer: 'vw' };

@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger(ApiTokensService.name);

  constructor(@InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>) {}

  async create(input: { kind: TokenKind; name: string; companyId?: string | null }): Promise<CreatedToken> {
    if (input.kind !== 'admin' && !input.companyId)
      throw new DomainError('INVALID_INPUT', `A ${input.kind} token needs companyId`);
    const token = `vbg_${PREFIX[input.kind]}_${randomBytes(32).toString('base64url')}`;
    const row = await this.tokens.save(
      this.tokens.create({
        kind: input.kind,
        name: input.name,
        companyId: input.kind === 'admin' ? null : (input.companyId ?? null),
        tokenHash: hashToken(token),
      }),
    );
    return { id: row.id, kind: row.kind, name: row.name, companyId: row.companyId, token };
  }

  /** The active token of that kind (or of one of those kinds), or null. Malformed input is simply not a token. */
  async verify(token: unknown, kind: TokenKind | readonly TokenKind[]): Promise<ApiToken | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
    const presented = hashToken(token);
    const row = await this.tokens.findOneBy({ tokenHash: presented, revokedAt: IsNull() });
    if (
      !row ||
      !timingSafeEqual(Buffer.from(row.tokenHash, 'hex'), Buffer.from(presented, 'hex')) ||
      !(typeof kind === 'string' ? [kind] : kind).includes(row.kind)
    ) {
      return null;
    }
    this.touch(row);
    return row;
  }

  async list(): Promise<TokenView[]> {
    const rows = await this.tokens.find({ order: { createdAt: 'DESC' } });
    return rows.map(({ tokenHash, company, ...view }) => view);
  }

  async revoke(id: string): Promise<void> {
    const result = await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected && !(await this.tokens.existsBy({ id })))
      throw new DomainError('NOT_FOUND', `Token ${id} not found`);
  }

  /** Records use at minute resolution, off the request's path. */
  private touch(row: ApiToken): void {
    if (row.lastUsedAt && Date.now() - row.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    this.tokens
      .update({ id: row.id }, { lastUsedAt: new Date() })
      .catch((error: Error) =>
        this.logger.warn({ tokenId: row.id, error: error.message }, 'Could not record token use'),
      );
  }
}
