import { createServer } from 'node:http';

/** The floor: bare `node:http` answering the gateway's JSON, no parsing, no checks. */
const ANSWER = JSON.stringify({
  success: true,
  message: 'Montag, 4. März um 10:00 Uhr ist frei.',
  data: { available: true, start: '2030-03-04T09:00:00.000Z' },
});

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER));
});
// Exit on SIGTERM through process.exit, so `--cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
});
