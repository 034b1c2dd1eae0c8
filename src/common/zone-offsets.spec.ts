import { DateTime, IANAZone } from 'luxon';
import { AppModule } from '../app.module';
import { cachedOffset, uncachedOffset } from './zone-offsets';

describe('cached zone offsets', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];

  it.each(zones)('agree with Intl every 17 minutes for 400 days in %s, DST transitions included', (name) => {
    const zone = IANAZone.create(name);
    const start = Date.UTC(2026, 0, 1);
    const disagreements: string[] = [];
    for (let ts = start; ts < start + 400 * 86_400_000; ts += 17 * 60_000 + 13_000) {
      if (cachedOffset.call(zone, ts) !== uncachedOffset(zone, ts)) disagreements.push(new Date(ts).toISOString());
    }
    expect(disagreements).toEqual([]);
  });

  it('answers exactly on both sides of a transition (Berlin, 2026-03-29 01:00 UTC)', () => {
    const zone = IANAZone.create('Europe/Berlin');
    const transition = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(cachedOffset.call(zone, transition - 1)).toBe(60);
    expect(cachedOffset.call(zone, transition)).toBe(120);
    expect(cachedOffset.call(zone, transition - 1)).toBe(60);
  });

  it('is what Luxon uses once the app module is loaded', () => {
    expect(AppModule).toBeDefined();
    expect(IANAZone.prototype.offset).toBe(cachedOffset);
    const summer = DateTime.fromISO('2026-07-01T12:00', { zone: 'Europe/Berlin' });
    const winter = DateTime.fromISO('2026-12-01T12:00', { zone: 'Europe/Berlin' });
    expect([summer.toUTC().toISO(), winter.toUTC().toISO()]).toEqual([
      '2026-07-01T10:00:00.000Z',
      '2026-12-01T11:00:00.000Z',
    ]);
  });
});
