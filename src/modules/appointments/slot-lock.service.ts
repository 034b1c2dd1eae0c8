import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../common/domain-error';
import { REDIS, RedisClient } from '../../redis/redis.module';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const POLL_MS = 50;

/**
 * Serialises work on one slot: across instances through Redis when configured, inside this process otherwise (the
 * embedded database serves a single process anyway). Used for multi-host services, where the database cannot say
 * how many bookings fit a slot and Cal.com decides, one request at a time.
 */
@Injectable()
export class SlotLockService {
  private readonly logger = new Logger(SlotLockService.name);
  private readonly local = new Map<string, Promise<unknown>>();

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async withLock<T>(key: string, ttlMs: number, work: () => Promise<T>): Promise<T> {
    const release = this.redis ? await this.acquireShared(`lock:${key}`, ttlMs) : undefined;
    try {
      return await this.withLocal(key, work);
    } finally {
      await release?.();
    }
  }

  private async withLocal<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.local.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.local.set(key, current);
    try {
      return await current;
    } finally {
      if (this.local.get(key) === current) this.local.delete(key);
    }
  }

  private async acquireShared(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const token = randomUUID();
    const deadline = Date.now() + ttlMs;
    try {
      while (Date.now() < deadline) {
        if (await this.redis!.set(key, token, 'PX', ttlMs, 'NX')) {
          return async () => void (await this.redis!.eval(RELEASE, 1, key, token).catch(() => undefined));
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      // Redis is down: the process-local lock still serialises this instance's requests.
      this.logger.warn({ error: (error as Error).message }, 'Slot lock unavailable in Redis; locking in process only');
      return undefined;
    }
    throw new DomainError('CALCOM_BUSY', 'Another booking of this slot is still in progress');
  }
}
