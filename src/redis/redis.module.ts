import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisConfig, RedisConfig } from '../config/configuration';

/** The shared ioredis client, or null when REDIS_URL is unset (everything then runs in process). */
export const REDIS = Symbol('REDIS');
export type RedisClient = Redis | null;

function createRedisClient(config: RedisConfig, name: string): Redis | null {
  if (!config.url) return null;
  const client = new Redis(config.url, {
    keyPrefix: config.keyPrefix,
    connectionName: name,
    // A caller is waiting: a Redis that does not answer must fail fast so callers fall back, not hang.
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  const logger = new Logger('Redis');
  client.on('error', (error: Error) => logger.warn({ client: name, error: error.message }, 'Redis connection error'));
  return client;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig) => createRedisClient(config, 'app'),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis || this.redis.status === 'end') return;
    // QUIT waits for an answer a dead Redis never gives: give it a second, then drop the connection.
    const quit = this.redis.quit().catch(() => undefined);
    await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    this.redis.disconnect();
  }
}
