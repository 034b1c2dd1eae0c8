import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FakeBooking, FakeCalendar } from './calcom-fake.calendar';
import { FakeBookingEvents } from './calcom-fake.events';
import { eventTypeOutput } from './calcom-fake.output';
import { FakeWebhooks } from './calcom-fake.webhooks';
import { servedVersion } from './calcom-fake.routes';
import type { FakeEventType } from './calcom-fake.schedule';
import * as texts from './calcom-fake.texts';
import { answerFault, Fault, serverError } from './calcom-fake.faults';
import { bad, FakeHttpError, notFound } from './calcom-fake.texts';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** performance.now() when the request arrived and when its answer was sent. */
  receivedAt: number;
  answeredAt?: number;
  status?: number;
}

export interface CalcomFakeOptions {
  eventTypes: FakeEventType[];
  /** Accepted bearer keys; empty accepts any key. */
  apiKeys?: string[];
  now?: () => Date;
}

/**
 * A local stand-in for Cal.com API v2, for tests and the demo: the requests and answers of contracts/calcom.md,
 * bookings in memory, slots from a schedule in a timezone, and knobs for latency, errors, hangs and 429s. It records
 * every request so tests can assert exactly what was sent.
 */
export class CalcomFake {
  readonly requests: RecordedRequest[] = [];
  readonly webhooks = new FakeWebhooks();
  /** Changes the way a caller on the booking page, through Cal.com's e-mail links, or the host makes them. */
  readonly outside: FakeBookingEvents;
  private readonly calendar: FakeCalendar;
  latencyMs = 0;
  private faults: Fault[] = [];
  private server?: Server;
  private port = 0;

  constructor(private readonly options: CalcomFakeOptions) {
    this.calendar = new FakeCalendar(options.eventTypes, () => options.now?.() ?? new Date());
    this.outside = new FakeBookingEvents(this.calendar, this.webhooks);
  }

  /** The bookings made so far, by uid. */
  get bookings(): Map<string, FakeBooking> {
    return this.calendar.bookings;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port || this.port, host, resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.url;
  }

  /** Closes the port: clients now get ECONNREFUSED until `start()` is called again (same port). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Cal.com's slot reservations, by uid. */
  get holds() {
    return this.calendar.holds.holds;
  }

  reset(): void {
    this.requests.length = 0;
    this.bookings.clear();
    this.holds.clear();
    this.webhooks.reset();
    this.faults = [];
    this.latencyMs = 0;
  }

  fail(fault: Partial<Fault> & Pick<Fault, 'kind'>): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && path.test(request.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      receivedAt: performance.now(),
    };
    this.requests.push(recorded);
    const raw = await readBody(req);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      recorded.status = status;
      recorded.answeredAt = performance.now();
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    try {
      recorded.body = raw ? JSON.parse(raw) : undefined;
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      const fault = this.takeFault(recorded);
      if (fault && answerFault(fault, url.pathname, send, req)) return;
      const [status, data] = this.route(recorded);
      if (fault?.kind === 'swallow') return;
      if (fault?.kind === 'commit') return send(500, serverError(url.pathname));
      send(status, { status: 'success', data });
    } catch (error) {
      const failure = error instanceof FakeHttpError ? error : bad((error as Error).message);
      const body = failure.raw
        ? { statusCode: failure.status, message: failure.message }
        : texts.envelope(url.pathname, failure.code, failure.message);
      send(failure.status, body);
    }
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === request.method) && (!f.path || f.path.test(request.path)),
    );
    if (fault) fault.times -= 1;
    return fault;
  }

  private route(request: RecordedRequest): [number, unknown] {
    const { method, path } = request;
    const webhooks = /^\/v2\/webhooks(\/\d+)?$/.test(path);
    // The webhooks controller serves every API version (API_VERSIONS_VALUES); the rest are pinned.
    if (!webhooks && servedVersion(method, path) !== request.headers['cal-api-version'])
      throw notFound(`Cannot ${method} ${path}`);
    this.authorize(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (webhooks) return this.webhooks.route(method, path, body);
    const uid = path.split('/')[3];
    if (path === '/v2/slots') return [200, this.calendar.slots(request.query)];
    if (path.startsWith('/v2/slots/reservations')) return this.calendar.holds.route(method, path.split('/')[4], body);
    if (path.startsWith('/v2/event-types/')) return [200, eventTypeOutput(this.calendar.eventType(uid))];
    if (path === '/v2/event-types') return [200, this.calendar.eventTypeList()];
    if (path === '/v2/bookings' && method === 'POST')
      return [201, this.output(this.outside.created(this.calendar.create(body)))];
    if (path === '/v2/bookings') return [200, this.calendar.list(request.query).map((b) => this.calendar.output(b))];
    if (path.endsWith('/cancel')) return [200, this.output(this.outside.cancelled(this.calendar.cancel(uid, body)))];
    if (path.endsWith('/reschedule'))
      return [201, this.output(this.outside.rescheduled(this.calendar.reschedule(uid, body), 'host@example.com'))];
    return [200, this.output(this.calendar.find(uid))];
  }

  private output(booking: FakeBooking) {
    return this.calendar.output(booking);
  }

  private authorize(request: RecordedRequest): void {
    const key = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const keys = this.options.apiKeys ?? [];
    if (!key || (keys.length > 0 && !keys.includes(key)))
      throw new FakeHttpError(401, 'UnauthorizedException', 'Invalid Access Token.');
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type { FakeBooking };

export type { Fault };
