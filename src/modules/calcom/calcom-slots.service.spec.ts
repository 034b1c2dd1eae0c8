import { createCache } from 'cache-manager';
import { CacheService } from '../../cache/cache.service';
import type { CalcomConfig } from '../../config/configuration';
import type { CalcomClient } from './calcom.client';
import { CalcomSlotsService } from './calcom-slots.service';

const DAY = '2026-12-08';
const SLOTS = ['2026-12-08T09:00:00.000Z', '2026-12-08T09:30:00.000Z'];

function setup() {
  const client = { slots: jest.fn(async () => new Map([[DAY, SLOTS.map((slot) => new Date(slot))]])) };
  const service = new CalcomSlotsService(client as unknown as CalcomClient, new CacheService(createCache()), {
    slotsTtlMs: 60_000,
  } as CalcomConfig);
  const query = {
    account: { id: 'acct1', companyId: 'c1', baseUrl: 'https://api.cal.com', apiKey: 'cal_x' },
    eventTypeId: 7,
    timeZone: 'Europe/Berlin',
  };
  return { client, service, query };
}

describe('CalcomSlotsService, in-process cache', () => {
  it('asks Cal.com once for a cached day and parses its slots once', async () => {
    const { client, service, query } = setup();
    const first = await service.day(query, DAY);
    const second = await service.day(query, DAY);
    expect(first.map((slot) => slot.toISOString())).toEqual(SLOTS);
    expect(second).toBe(first);
    expect(client.slots).toHaveBeenCalledTimes(1);
  });

  it('fetches and parses a day again after a booking made it stale', async () => {
    const { client, service, query } = setup();
    const first = await service.day(query, DAY);
    await service.invalidate(query.account, 7, 'Europe/Berlin', [new Date(SLOTS[0])]);
    const again = await service.day(query, DAY);
    expect(again).not.toBe(first);
    expect(again.map((slot) => slot.toISOString())).toEqual(SLOTS);
    expect(client.slots).toHaveBeenCalledTimes(2);
  });

  it('reads days cached one by one as the same instants', async () => {
    const { service, query } = setup();
    const day = await service.day(query, DAY);
    expect((await service.days(query, DAY, DAY)).get(DAY)).toBe(day);
  });
});
