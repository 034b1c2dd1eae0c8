import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuthGuard } from './admin-auth.guard';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';

/**
 * Who is calling: admin and function tokens (stored hashed), the admin guard and Retell's signature check. Below
 * every feature and global, because every face's controllers use its guards; it imports no feature.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiToken])],
  providers: [ApiTokensService, AdminAuthGuard],
  exports: [ApiTokensService, AdminAuthGuard],
})
export class AccessModule {}
