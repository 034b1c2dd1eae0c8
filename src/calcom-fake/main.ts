import { CalcomFake } from './calcom-fake';
import { DEMO_EVENT_TYPES } from './demo-event-types';

/** `npm run calcom:fake [-- --port 3999]`: the local Cal.com stand-in for the demo, on loopback. */
async function main(): Promise<void> {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 3999;
  const fake = new CalcomFake({ eventTypes: DEMO_EVENT_TYPES });
  const url = await fake.start(port);
  process.stdout.write(
    `Cal.com fake listening on ${url} (event types ${DEMO_EVENT_TYPES.map((t) => t.id).join(', ')})\n`,
  );
  const stop = () => void fake.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
