import { Logger } from '@nestjs/common';
import { CalcomFake } from '../../calcom-fake/calcom-fake';
import { DEMO_EVENT_TYPES } from '../../calcom-fake/demo-event-types';
import type { CalcomConfig } from '../../config/configuration';

/** Where Cal.com requests go: the configured base URL, or (demo only) the built-in fake on a loopback port. */
export const CALCOM_ENDPOINT = Symbol('CALCOM_ENDPOINT');

export interface CalcomEndpoint {
  baseUrl: string;
  close(): Promise<void>;
}

export async function createCalcomEndpoint(config: CalcomConfig): Promise<CalcomEndpoint> {
  if (!config.fake) return { baseUrl: config.baseUrl, close: async () => undefined };
  const fake = new CalcomFake({ eventTypes: DEMO_EVENT_TYPES });
  const baseUrl = await fake.start(0, '127.0.0.1');
  new Logger('CalcomEndpoint').warn(
    { baseUrl },
    'CALCOM_FAKE is on: bookings go to the built-in Cal.com fake and are not real',
  );
  return { baseUrl, close: () => fake.stop() };
}
