import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerModule } from '@nestjs/throttler';
import { rateLimitConfig, RateLimitConfig } from '../config/configuration';
import { REDIS, RedisClient } from '../redis/redis.module';
import { GatewayThrottlerGuard } from './gateway-throttler.guard';
import { countsAgainst, RATE_SCOPE_NAMES } from './rate-scopes';
import { RedisThrottlerStorage } from './redis-throttler.storage';

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [rateLimitConfig.KEY, REDIS],
      useFactory: (config: RateLimitConfig, redis: RedisClient) => ({
        throttlers: RATE_SCOPE_NAMES.map((name) => ({
          name,
          ttl: config.windowMs,
          limit: config[name],
          skipIf: (context) => !countsAgainst(name, context),
        })),
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
  ],
  providers: [GatewayThrottlerGuard],
  exports: [GatewayThrottlerGuard],
})
export class ThrottlingModule implements OnApplicationShutdown {
  constructor(@InjectThrottlerStorage() private readonly storage: RedisThrottlerStorage) {}

  onApplicationShutdown(): void {
    this.storage.shutdown();
  }
}
