import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBearerStrategy } from './admin-bearer.strategy';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';
import { TokensController } from './tokens.controller';

@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([ApiToken])],
  controllers: [TokensController],
  providers: [ApiTokensService, AdminBearerStrategy],
  exports: [ApiTokensService],
})
export class DiagnosticsModule {}
