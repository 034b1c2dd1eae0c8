import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PassportModule } from '@nestjs/passport';
import { AdminAuthGuard, FunctionTokenGuard } from './bearer-auth.guard';
import { AdminBearerStrategy, FunctionBearerStrategy } from './bearer.strategies';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';

/**
 * Who is calling: admin and function tokens (stored hashed) through passport-http-bearer, and Retell's signature check. Below
 * every feature and global, because every face's controllers use its guards; it imports no feature.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiToken]), PassportModule],
  providers: [ApiTokensService, AdminBearerStrategy, FunctionBearerStrategy, AdminAuthGuard, FunctionTokenGuard],
  exports: [ApiTokensService, AdminAuthGuard, FunctionTokenGuard],
})
export class AccessModule {}
