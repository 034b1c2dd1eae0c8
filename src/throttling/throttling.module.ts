import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import type { ExecutionContext } from '@nestjs/common';
import { rateLimitConfig, RateLimitConfig } from '../config/configuration';
import { REDIS, RedisClient } from '../redis/redis.module';
import { TenantsModule } from '../modules/tenants/tenants.module';
import { GatewayThrottlerGuard, throttleScopes } from './gateway-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { ThrottleTrackerService } from './throttle-tracker.service';

const outside = (scope: (req: Request) => boolean) => (context: ExecutionContext) =>
  !scope(context.switchToHttp().getRequest<Request>());

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [rateLimitConfig.KEY, REDIS],
      useFactory: (config: RateLimitConfig, redis: RedisClient) => ({
        throttlers: (['retell', 'booking', 'webhooks', 'diagnostic', 'admin'] as const).map((name) => ({
          name,
          ttl: config.windowMs,
          limit: config[name],
          skipIf: outside(throttleScopes[name]),
        })),
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
    TenantsModule,
  ],
  providers: [GatewayThrottlerGuard, ThrottleTrackerService],
  exports: [GatewayThrottlerGuard, ThrottleTrackerService],
})
export class ThrottlingModule implements OnApplicationShutdown {
  constructor(@InjectThrottlerStorage() private readonly storage: RedisThrottlerStorage) {}

  onApplicationShutdown(): void {
    this.storage.shutdown();
  }
}
