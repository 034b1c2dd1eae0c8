import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import type { Cache } from 'cache-manager';

const STORE_TIMEOUT_MS = 300;
const STORE_PAUSE_MS = 5_000;
const TIMED_OUT = Symbol('timed out');

/**
 * The one cache the domain uses: Redis when configured, in process otherwise. A cache is an optimisation, so a slow
 * or failing store degrades to a miss instead of failing the caller's request; concurrent misses of one key share a
 * single load.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly inflight = new Map<string, Promise<unknown>>();
  private pausedUntil = 0;

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    // Absent in the CLI, which serves no /metrics.
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.guard(() => this.cache.get<T>(key), 'get');
    return value ?? undefined;
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    await this.guard(() => this.cache.set(key, value, ttlMs), 'set');
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.guard(() => this.cache.mdel(keys), 'del');
  }

  async wrap<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const cached = await this.get<T>(key);
    const cache = key
      .split(':')
      .slice(0, key.startsWith('calcom:') ? 2 : 1)
      .join(':');
    this.metrics?.cacheRequests.inc({ cache, result: cached === undefined ? 'miss' : 'hit' });
    if (cached !== undefined) return cached;
    const pending = this.inflight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const loading = load()
      .then(async (value) => {
        await this.set(key, value, ttlMs);
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, loading);
    return loading;
  }

  /**
   * A store that failed or timed out is skipped for `STORE_PAUSE_MS` (every read a miss, every write dropped), so a
   * dead Redis costs one timeout, not one per cache operation of every request. Then it is tried again.
   */
  private async guard<T>(operation: () => Promise<T>, name: string): Promise<T | undefined> {
    if (Date.now() < this.pausedUntil) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), STORE_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([operation(), timeout]);
      if (result !== TIMED_OUT) return result;
      this.pause(name, 'timed out');
      return undefined;
    } catch (error) {
      this.pause(name, (error as Error).message);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private pause(operation: string, error: string): void {
    if (Date.now() >= this.pausedUntil)
      this.logger.warn({ operation, error }, 'Cache store failed; treating it as empty for a few seconds');
    this.pausedUntil = Date.now() + STORE_PAUSE_MS;
  }
}
