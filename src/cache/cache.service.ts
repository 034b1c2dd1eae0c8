import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import type { Cache } from 'cache-manager';

const STORE_TIMEOUT_MS = 300;

/**
 * The one cache the domain uses: Redis when configured, in process otherwise. A cache is an optimisation, so a slow
 * or failing store degrades to a miss instead of failing the caller's request; concurrent misses of one key share a
 * single load.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly inflight = new Map<string, Promise<unknown>>();

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

  private async guard<T>(operation: () => Promise<T>, name: string): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), STORE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([operation(), timeout]);
    } catch (error) {
      this.logger.warn({ operation: name, error: (error as Error).message }, 'Cache store failed; treating as a miss');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
