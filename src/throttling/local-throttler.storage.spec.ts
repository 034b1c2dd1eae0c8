import { LocalThrottlerStorage } from './local-throttler.storage';

describe('LocalThrottlerStorage', () => {
  let storage: LocalThrottlerStorage;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
    storage = new LocalThrottlerStorage();
  });
  afterEach(() => {
    storage.shutdown();
    jest.useRealTimers();
  });

  it('counts hits in a window that starts with the first one, and blocks above the limit until it ends', async () => {
    for (let hit = 1; hit <= 3; hit += 1) {
      expect(await storage.increment('company-a', 60_000, 3, 0, 'retell')).toMatchObject({
        totalHits: hit,
        isBlocked: false,
      });
    }
    jest.advanceTimersByTime(45_000);
    expect(await storage.increment('company-a', 60_000, 3, 0, 'retell')).toEqual({
      totalHits: 4,
      isBlocked: true,
      timeToExpire: 15,
      timeToBlockExpire: 15,
    });
    jest.advanceTimersByTime(15_000);
    expect(await storage.increment('company-a', 60_000, 3, 0, 'retell')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('keeps keys and scopes apart', async () => {
    await storage.increment('company-a', 60_000, 1, 0, 'retell');
    expect((await storage.increment('company-b', 60_000, 1, 0, 'retell')).isBlocked).toBe(false);
    expect((await storage.increment('company-a', 60_000, 1, 0, 'booking')).isBlocked).toBe(false);
    expect((await storage.increment('company-a', 60_000, 1, 0, 'retell')).isBlocked).toBe(true);
  });

  it('drops ended windows on its sweep, so callers long gone leave nothing behind', async () => {
    await storage.increment('short', 1_000, 5, 0, 'retell');
    await storage.increment('long', 120_000, 5, 0, 'retell');
    expect(storage.size).toBe(2);
    jest.advanceTimersByTime(60_000);
    expect(storage.size).toBe(1);
  });

  it('counts 200,000 hits in one window without keeping each one (a log of them would overflow Math.min)', async () => {
    for (let hit = 0; hit < 200_000; hit += 1) await storage.increment('busy', 60_000, 1_000_000, 0, 'retell');
    expect((await storage.increment('busy', 60_000, 1_000_000, 0, 'retell')).totalHits).toBe(200_001);
  });
});
