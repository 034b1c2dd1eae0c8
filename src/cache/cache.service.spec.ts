import type { Cache } from 'cache-manager';
import { createCache } from 'cache-manager';
import { CacheService } from './cache.service';

describe(CacheService.name, () => {
  it('loads a missing key once for concurrent callers and serves it from the cache afterwards', async () => {
    const sut = new CacheService(createCache());
    let loads = 0;
    let release: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const load = async () => {
      loads++;
      await loaded;
      return ['09:00'];
    };
    // All three ask while the first load is still waiting for its answer.
    const pending = Promise.all([
      sut.wrap('k', 60_000, load),
      sut.wrap('k', 60_000, load),
      sut.wrap('k', 60_000, load),
    ]);
    release();
    const results = await pending;
    expect(results).toEqual([['09:00'], ['09:00'], ['09:00']]);
    expect(await sut.wrap('k', 60_000, load)).toEqual(['09:00']);
    expect(loads).toBe(1);
  });

  it('treats a failing or hanging store as a miss instead of failing the caller', async () => {
    const broken = {
      get: () => Promise.reject(new Error('ECONNREFUSED')),
      set: () => new Promise(() => undefined),
      mdel: () => Promise.reject(new Error('ECONNREFUSED')),
    } as unknown as Cache;
    const sut = new CacheService(broken);
    expect(await sut.get('k')).toBeUndefined();
    await expect(sut.wrap('k', 1000, async () => 'fresh')).resolves.toBe('fresh');
    await expect(sut.del('k')).resolves.toBeUndefined();
  });

  it('does not cache a failed load', async () => {
    const sut = new CacheService(createCache());
    await expect(sut.wrap('k', 1000, () => Promise.reject(new Error('upstream down')))).rejects.toThrow(
      'upstream down',
    );
    expect(await sut.wrap('k', 1000, async () => 'ok')).toBe('ok');
  });
});
