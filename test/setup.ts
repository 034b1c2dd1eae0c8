import { cacheZoneOffsets } from '../src/common/zone-offsets';

// As every entry point of the gateway does at start (main, cli, demo): Luxon's zone offsets cached per minute.
cacheZoneOffsets();
