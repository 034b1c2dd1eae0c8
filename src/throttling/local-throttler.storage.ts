import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface.js';

interface Window {
  hits: number;
  endsAt: number;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * Fixed-window counters in this process: the same rule as the Redis script (a window starts with its first hit and
 * the limit holds until it ends), at O(1) per request. Used without Redis and while Redis is unreachable. (Nest's own
 * in-memory storage keeps every hit's timestamp and filters them all on each request: O(hits in the window).)
 */
export class LocalThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();

  increment(key: string, ttl: number, limit: number, _block: number, name: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const id = `${name}:${key}`;
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttl };
      this.windows.set(id, window);
    }
    window.hits += 1;
    const seconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    const isBlocked = window.hits > limit;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: seconds,
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds : 0,
    });
  }

  /** Windows that ended are dropped, so keys of callers long gone do not accumulate. */
  sweep(now = Date.now()): void {
    for (const [id, window] of this.windows) if (window.endsAt <= now) this.windows.delete(id);
  }

  get size(): number {
    return this.windows.size;
  }

  shutdown(): void {
    clearInterval(this.sweeper);
  }
}
