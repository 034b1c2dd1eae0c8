import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface.js';
import type { RedisClient } from '../redis/redis.module';
import { LocalThrottlerStorage } from './local-throttler.storage';

/** One atomic step per request: count it, start the window on the first hit, report the count and what is left. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if hits == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { hits, ttl }`;

/**
 * Fixed-window counters in Redis, so every instance counts against the same limit (the script makes concurrent
 * increments from several instances exact). When Redis is not reachable, counting falls back to this process so the
 * gateway keeps answering; `/health/ready` reports Redis as down meanwhile.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly local = new LocalThrottlerStorage();
  private warned = false;

  constructor(private readonly redis: RedisClient) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (!this.redis || this.redis.status !== 'ready')
      return this.fallback(key, ttl, limit, blockDuration, throttlerName);
    try {
      const [hits, remainingMs] = (await this.redis.eval(INCREMENT, 1, `throttle:${throttlerName}:${key}`, ttl)) as [
        number,
        number,
      ];
      const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
      this.warned = false;
      return {
        totalHits: hits,
        timeToExpire: seconds,
        isBlocked: hits > limit,
        timeToBlockExpire: hits > limit ? seconds : 0,
      };
    } catch (error) {
      return this.fallback(key, ttl, limit, blockDuration, throttlerName, error);
    }
  }

  shutdown(): void {
    this.local.shutdown();
  }

  private fallback(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
    error?: unknown,
  ): Promise<ThrottlerStorageRecord> {
    if (this.redis && !this.warned) {
      this.warned = true;
      this.logger.warn(
        { error: error instanceof Error ? error.message : 'not connected' },
        'Rate limits counted in process while Redis is unavailable',
      );
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }
}
