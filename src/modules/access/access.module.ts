import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuthGuard } from './admin-auth.guard';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';
import { RetellAuthGuard } from './retell-auth.guard';

/**
 * Who is calling: admin and function tokens (stored hashed), the bearer guard and Retell's signature guard. Below
 * every feature and global, because every face's controllers use its guards; it imports no feature.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiToken])],
  providers: [ApiTokensService, AdminAuthGuard, RetellAuthGuard],
  exports: [ApiTokensService, AdminAuthGuard, RetellAuthGuard],
})
export class AccessModule {}
