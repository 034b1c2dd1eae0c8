import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AdminOnly } from '../access/bearer-auth.guard';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { ApiTokensService } from '../access/api-tokens.service';
import { CreateTokenDto } from './diagnostics.dto';
import { CreatedTokenResponse, TokenResponse } from './responses/token.responses';

@ApiTags('admin: tokens')
@AdminAuth()
@AdminOnly()
@Controller('api/admin/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedTokenResponse })
  async create(@Body() dto: CreateTokenDto) {
    return CreatedTokenResponse.of(await this.tokens.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: [TokenResponse] })
  async list() {
    return (await this.tokens.list()).map(TokenResponse.of);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; revoking again is a no-op' })
  revoke(@Param('id', ParseUUIDPipe) id: string) {
    return this.tokens.revoke(id);
  }
}
