import { Logger } from '@nestjs/common';
import { CalcomFake } from '../calcom-fake/calcom-fake';
import { DEMO_EVENT_TYPES } from '../calcom-fake/demo-event-types';
import { pointCalcomAt } from '../config/configuration';
import { run } from '../main';

/**
 * `npm run demo`: the gateway as `npm start` runs it, with Cal.com answered by the built-in fake on a loopback port
 * (the demo tenant's event types). The fake lives only in this launcher: the server never imports it.
 */
async function demo(): Promise<void> {
  const fake = new CalcomFake({ eventTypes: DEMO_EVENT_TYPES });
  const baseUrl = await fake.start(0, '127.0.0.1');
  pointCalcomAt(baseUrl);
  new Logger('Demo').warn({ baseUrl }, 'Demo: bookings go to the built-in Cal.com fake and are not real');
  run();
}

void demo();
