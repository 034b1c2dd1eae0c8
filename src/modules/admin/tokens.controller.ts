import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '../access/admin-auth.decorator';
import { ApiTokensService } from '../access/api-tokens.service';
import { CreateTokenDto } from './diagnostics.dto';

@ApiTags('admin: tokens')
@AdminAuth()
@Controller('api/admin/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  create(@Body() dto: CreateTokenDto) {
    return this.tokens.create(dto);
  }

  @Get()
  list() {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Param('id', ParseUUIDPipe) id: string) {
    return this.tokens.revoke(id);
  }
}
