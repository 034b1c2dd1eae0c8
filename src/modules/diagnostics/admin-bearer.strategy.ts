import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';

export const ADMIN_STRATEGY = 'admin-bearer';

@Injectable()
export class AdminBearerStrategy extends PassportStrategy(Strategy, ADMIN_STRATEGY) {
  constructor(private readonly tokens: ApiTokensService) {
    super();
  }

  async validate(token: string): Promise<ApiToken> {
    const row = await this.tokens.verify(token, 'admin');
    if (!row) throw new UnauthorizedException('Invalid or missing credentials');
    return row;
  }
}
