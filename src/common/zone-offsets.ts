import { IANAZone } from 'luxon';
import { Memo } from './remember';

const MINUTE_MS = 60_000;
const ENTRIES_PER_ZONE = 20_000;

const lookUp = IANAZone.prototype.offset;
const offsets = new WeakMap<IANAZone, Memo<number, number>>();

/**
 * A zone's UTC offset at `ts`, looked up in Intl once per zone and minute. Luxon asks Intl (`formatToParts`, several
 * µs) on every DateTime it makes, sets or shifts in a zone: 29 % of the CPU of a warm availability check in the bench
 * profile. An offset changes only at a transition, and tzdb's transitions fall on whole minutes, so a minute's answer
 * is exact for every millisecond in it.
 */
export function cachedOffset(this: IANAZone, ts: number): number {
  let zone = offsets.get(this);
  if (!zone) offsets.set(this, (zone = new Memo(ENTRIES_PER_ZONE)));
  return zone.get(Math.floor(ts / MINUTE_MS), () => lookUp.call(this, ts));
}

/** Installs the cache for every IANA zone Luxon uses (the app module does, once). */
export function cacheZoneOffsets(): void {
  IANAZone.prototype.offset = cachedOffset;
}

/** The uncached lookup, for the spec that compares both. */
export const uncachedOffset = (zone: IANAZone, ts: number): number => lookUp.call(zone, ts);
