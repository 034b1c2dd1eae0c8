import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuthGuard } from './admin-auth.guard';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';
import { TokensController } from './tokens.controller';

/** Tokens and the admin guard, global because every admin controller uses the guard. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiToken])],
  controllers: [TokensController],
  providers: [ApiTokensService, AdminAuthGuard],
  exports: [ApiTokensService],
})
export class DiagnosticsModule {}
