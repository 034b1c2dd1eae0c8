import { CACHE_MANAGER, CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { Keyv } from 'keyv';
import { redisConfig, RedisConfig } from '../config/configuration';
import { deserializeCached, serializeCached } from './cache-format';
import { CacheService } from './cache.service';

function createStore(config: RedisConfig): Keyv {
  // In process: values are kept as they are, not serialised to JSON and parsed back on every read.
  if (!config.url) return new Keyv({ serialize: undefined, deserialize: undefined });
  // Loaded only with a Redis URL: the adapter and its client take about 100 ms to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: KeyvRedis } = require('@keyv/redis') as typeof import('@keyv/redis');
  const adapter = new KeyvRedis(config.url, {
    throwOnConnectError: false,
    throwOnErrors: false,
    connectionTimeout: 2000,
  });
  return new Keyv({
    store: adapter,
    namespace: `${config.keyPrefix}cache`,
    useKeyPrefix: false,
    serialize: serializeCached,
    deserialize: deserializeCached,
  });
}

@Global()
@Module({
  imports: [
    NestCacheModule.registerAsync({
      inject: [redisConfig.KEY],
      // keyv ships separate CommonJS and ESM type declarations; cache-manager's are the ESM ones. Same class at run time.
      useFactory: (config: RedisConfig) => ({ stores: [createStore(config) as never] }),
    }),
  ],
  providers: [CacheService],
  exports: [CacheService],
})
export class CacheModule implements OnApplicationShutdown {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  async onApplicationShutdown(): Promise<void> {
    await this.cache.disconnect().catch(() => undefined);
  }
}
