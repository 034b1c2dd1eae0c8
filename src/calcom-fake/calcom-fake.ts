import { randomBytes } from 'node:crypto';
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { bookable, FakeEventType, freeSlots, overlapping } from './calcom-fake.schedule';
import * as texts from './calcom-fake.texts';
import { bad, core, FakeHttpError, notFound } from './calcom-fake.texts';

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

export interface FakeBooking {
  id: number;
  uid: string;
  eventTypeId: number;
  status: 'accepted' | 'pending' | 'cancelled' | 'rejected';
  start: Date;
  end: Date;
  attendee: { name: string; email: string; timeZone: string; phoneNumber?: string; language?: string };
  metadata: Record<string, unknown>;
  cancellationReason?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  createdAt: Date;
}

/** What the next matching requests get instead of a normal answer. */
export interface Fault {
  /**
   * `swallow`: does the work, then never answers; `commit`: does the work, then answers 500 (Cal.com can commit a
   * booking and fail afterwards); `status`: answers `status` (with `message` as a raw core body, if given).
   */
  kind: 'status' | 'hang' | 'reset' | 'swallow' | 'commit';
  status?: number;
  message?: string;
  times: number;
  method?: string;
  path?: RegExp;
}

export interface CalcomFakeOptions {
  eventTypes: FakeEventType[];
  /** Accepted bearer keys; empty accepts any key. */
  apiKeys?: string[];
  now?: () => Date;
}

/** Which cal-api-version each route serves (contracts/calcom.md); any other value is a 404, as on Cal.com. */
const ROUTE_VERSIONS: Array<[string, RegExp, string]> = [
  ['GET', /^\/v2\/slots$/, '2024-09-04'],
  ['GET', /^\/v2\/event-types$/, '2024-06-14'],
  ['GET', /^\/v2\/event-types\/\d+$/, '2024-06-14'],
  ['POST', /^\/v2\/bookings$/, '2024-08-13'],
  ['GET', /^\/v2\/bookings$/, '2024-08-13'],
  ['GET', /^\/v2\/bookings\/[^/]+$/, '2024-08-13'],
  ['POST', /^\/v2\/bookings\/[^/]+\/(cancel|reschedule)$/, '2024-08-13'],
];

/**
 * A local stand-in for Cal.com API v2, for tests and the demo: the requests and answers of contracts/calcom.md,
 * bookings in memory, slots from a schedule in a timezone, and knobs for latency, errors, hangs and 429s. It records
 * every request so tests can assert exactly what was sent.
 */
export class CalcomFake {
  readonly requests: RecordedRequest[] = [];
  readonly bookings = new Map<string, FakeBooking>();
  latencyMs = 0;
  private faults: Fault[] = [];
  private server?: Server;
  private port = 0;
  private nextId = 1;
  private readonly eventTypes: Map<number, FakeEventType>;

  constructor(private readonly options: CalcomFakeOptions) {
    this.eventTypes = new Map(options.eventTypes.map((type) => [type.id, type]));
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

  reset(): void {
    this.requests.length = 0;
    this.bookings.clear();
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

  private now(): Date {
    return this.options.now?.() ?? new Date();
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
      if (fault?.kind === 'hang') return;
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault?.status === 429) {
        // Cal.com's throttler (@nestjs/throttler): seconds until the window resets, and no Retry-After.
        return send(429, texts.envelope(url.pathname, 'ThrottlerException', 'ThrottlerException: Too Many Requests'), {
          'X-RateLimit-Limit-Default': '120',
          'X-RateLimit-Remaining-Default': '0',
          'X-RateLimit-Reset-Default': '60',
        });
      }
      if (fault?.kind === 'status' && fault.message)
        return send(fault.status ?? 500, { statusCode: fault.status ?? 500, message: fault.message });
      if (fault?.kind === 'status')
        return send(
          fault.status ?? 500,
          texts.envelope(url.pathname, 'InternalServerErrorException', 'Internal server error'),
        );
      const [status, data] = this.route(recorded);
      if (fault?.kind === 'swallow') return;
      if (fault?.kind === 'commit')
        return send(500, texts.envelope(url.pathname, 'InternalServerErrorException', 'Internal server error'));
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
    const route = ROUTE_VERSIONS.find(([m, pattern]) => m === method && pattern.test(path));
    if (!route || request.headers['cal-api-version'] !== route[2]) throw notFound(`Cannot ${method} ${path}`);
    const key = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const keys = this.options.apiKeys ?? [];
    if (!key || (keys.length > 0 && !keys.includes(key)))
      throw new FakeHttpError(401, 'UnauthorizedException', 'Invalid Access Token.');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const uid = path.split('/')[3];
    if (path === '/v2/slots') return [200, this.slots(request.query)];
    if (path.startsWith('/v2/event-types/')) return [200, this.eventTypeOutput(this.eventType(uid))];
    if (path === '/v2/event-types')
      return [
        200,
        [...this.eventTypes.values()].map((t) => ({
          id: t.id,
          title: t.title,
          lengthInMinutes: t.lengthMinutes,
          slug: `event-${t.id}`,
        })),
      ];
    if (path === '/v2/bookings' && method === 'POST') return [201, this.output(this.create(body))];
    if (path === '/v2/bookings') return [200, this.list(request.query).map((b) => this.output(b))];
    if (path.endsWith('/cancel')) return [200, this.output(this.cancel(uid, body))];
    if (path.endsWith('/reschedule')) return [201, this.output(this.reschedule(uid, body))];
    return [200, this.output(this.find(uid))];
  }

  private eventType(id: unknown): FakeEventType {
    const type = this.eventTypes.get(Number(id));
    if (!type) throw notFound(`Event type with id ${String(id)} not found.`);
    return type;
  }

  private slots(query: Record<string, string>): Record<string, Array<{ start: string }>> {
    const type = this.eventType(query.eventTypeId);
    const zone = query.timeZone ?? 'UTC';
    const bound = (value: string | undefined, edge: 'start' | 'end') => {
      if (!value) throw bad(`${edge} is required`);
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? DateTime.fromISO(value, { zone })[edge === 'start' ? 'startOf' : 'endOf']('day')
        : DateTime.fromISO(value);
      if (!parsed.isValid) throw bad(`${edge} must be an ISO 8601 date`);
      return parsed.toJSDate();
    };
    const busy = this.active().filter((b) => b.uid !== query.bookingUidToReschedule);
    const days: Record<string, Array<{ start: string }>> = {};
    for (const slot of freeSlots(type, bound(query.start, 'start'), bound(query.end, 'end'), this.now(), busy)) {
      const local = DateTime.fromJSDate(slot, { zone });
      (days[local.toISODate()!] ??= []).push({ start: local.toISO()! });
    }
    return days;
  }

  private active(): FakeBooking[] {
    return [...this.bookings.values()].filter((b) => b.status === 'accepted' || b.status === 'pending');
  }

  private checkStart(type: FakeEventType, start: Date, ignoreUid?: string): void {
    const verdict = bookable(type, start, this.now());
    if (verdict === 'past') throw bad(texts.IN_THE_PAST);
    if (verdict === 'window') throw bad(texts.OUT_OF_WINDOW);
    const busy = this.active().filter((b) => b.uid !== ignoreUid);
    if (type.seats && verdict !== 'unscheduled') {
      if (overlapping(type, start, busy) >= type.seats) throw core(409, texts.SEATS_FULL);
      return;
    }
    if (verdict === 'unscheduled' || overlapping(type, start, busy) >= (type.hosts ?? 1))
      throw bad((type.hosts ?? 1) > 1 ? texts.TEAM_SLOT_TAKEN : texts.SLOT_TAKEN);
    const day = DateTime.fromJSDate(start, { zone: type.timeZone }).toISODate();
    const sameDay = busy.filter(
      (b) => b.eventTypeId === type.id && DateTime.fromJSDate(b.start, { zone: type.timeZone }).toISODate() === day,
    );
    if (type.maxBookingsPerDay !== undefined && sameDay.length >= type.maxBookingsPerDay)
      throw core(403, texts.BOOKING_LIMIT);
  }

  private create(body: Record<string, unknown>): FakeBooking {
    const type = this.eventType(body.eventTypeId);
    const start = parseStart(body.start);
    const attendee = (body.attendee ?? {}) as FakeBooking['attendee'];
    if (typeof attendee.name !== 'string' || typeof attendee.timeZone !== 'string')
      throw bad('attendee.name and attendee.timeZone are required');
    if (!attendee.email && !attendee.phoneNumber) throw bad(texts.CONTACT_REQUIRED);
    if (!attendee.email && type.emailRequired !== false) throw core(400, texts.EMAIL_REQUIRED);
    this.checkStart(type, start);
    // Like Cal.com, a phone-only attendee gets a placeholder address.
    const email = attendee.email ?? `${attendee.phoneNumber!.replace(/\D/g, '')}@sms.cal.com`;
    return this.store({
      eventTypeId: type.id,
      start,
      type,
      attendee: { ...attendee, email },
      metadata: (body.metadata ?? {}) as Record<string, unknown>,
    });
  }

  private store(input: {
    eventTypeId: number;
    start: Date;
    type: FakeEventType;
    attendee: FakeBooking['attendee'];
    metadata: Record<string, unknown>;
    rescheduledFromUid?: string;
  }): FakeBooking {
    const booking: FakeBooking = {
      id: this.nextId++,
      uid: randomBytes(11).toString('base64url'),
      eventTypeId: input.eventTypeId,
      status: input.type.requiresConfirmation ? 'pending' : 'accepted',
      start: input.start,
      end: new Date(input.start.getTime() + input.type.lengthMinutes * 60_000),
      attendee: input.attendee,
      metadata: input.metadata,
      rescheduledFromUid: input.rescheduledFromUid,
      createdAt: this.now(),
    };
    this.bookings.set(booking.uid, booking);
    return booking;
  }

  private find(uid: string): FakeBooking {
    const booking = this.bookings.get(uid);
    if (!booking) throw notFound(texts.bookingNotInDatabase(uid));
    return booking;
  }

  private list(query: Record<string, string>): FakeBooking[] {
    const now = this.now();
    const after = query.afterStart ? new Date(query.afterStart) : undefined;
    const before = query.beforeEnd ? new Date(query.beforeEnd) : undefined;
    const statuses = query.status?.split(',');
    const matches = [...this.bookings.values()].filter(
      (b) =>
        (!query.eventTypeId || b.eventTypeId === Number(query.eventTypeId)) &&
        (!query.attendeeEmail || b.attendee.email === query.attendeeEmail) &&
        (!after || b.start >= after) &&
        (!before || b.end <= before) &&
        (!statuses?.includes('upcoming') || (b.end > now && (b.status === 'accepted' || b.status === 'pending'))),
    );
    matches.sort((a, b) => (query.sortStart === 'desc' ? -1 : 1) * (a.start.getTime() - b.start.getTime()));
    return matches.slice(0, Number(query.take ?? 100));
  }

  /** In Cal.com's order: the v2 input checks, then core handleCancelBooking (raw bodies). Our key is the host's. */
  private cancel(uid: string, body: Record<string, unknown>): FakeBooking {
    const booking = this.bookings.get(uid);
    if (!booking) throw notFound(texts.bookingNotFound(uid));
    if (booking.status === 'cancelled') throw bad(texts.cancelledAlready(uid));
    if (this.eventTypes.get(booking.eventTypeId)?.disableCancelling) throw core(400, texts.NO_CANCELLING);
    const reason = typeof body.cancellationReason === 'string' ? body.cancellationReason.trim() : '';
    if (!reason) throw core(400, texts.REASON_REQUIRED);
    if (booking.end <= this.now()) throw core(400, texts.ENDED);
    booking.status = 'cancelled';
    booking.cancellationReason = reason;
    return booking;
  }

  private reschedule(uid: string, body: Record<string, unknown>): FakeBooking {
    const old = this.find(uid);
    if (old.status === 'cancelled' && old.rescheduledToUid) throw bad(texts.rescheduleMoved(uid, old.rescheduledToUid));
    if (old.status === 'cancelled' || old.status === 'rejected') throw bad(texts.rescheduleCancelled(uid));
    const type = this.eventType(old.eventTypeId);
    const start = parseStart(body.start);
    this.checkStart(type, start, uid);
    const moved = this.store({
      eventTypeId: type.id,
      start,
      type,
      attendee: old.attendee,
      metadata: old.metadata,
      rescheduledFromUid: uid,
    });
    old.status = 'cancelled';
    old.rescheduledToUid = moved.uid;
    return moved;
  }

  /** GET /v2/event-types/{id} (2024-06-14): the default booking fields say whether an e-mail is required. */
  private eventTypeOutput(type: FakeEventType) {
    const emailRequired = type.emailRequired !== false;
    return {
      id: type.id,
      title: type.title,
      slug: `event-${type.id}`,
      lengthInMinutes: type.lengthMinutes,
      bookingFields: [
        { type: 'name', slug: 'name', isDefault: true, required: true },
        { type: 'email', slug: 'email', isDefault: true, required: emailRequired, hidden: !emailRequired },
        {
          type: 'phone',
          slug: 'attendeePhoneNumber',
          isDefault: true,
          required: !emailRequired,
          hidden: emailRequired,
        },
      ],
    };
  }

  private output(b: FakeBooking) {
    const type = this.eventTypes.get(b.eventTypeId)!;
    return {
      id: b.id,
      uid: b.uid,
      title: `${type.title} between Host and ${b.attendee.name}`,
      description: '',
      hosts: [{ id: 1, name: 'Host', email: 'host@example.com', username: 'host', timeZone: type.timeZone }],
      status: b.status,
      ...(b.cancellationReason ? { cancellationReason: b.cancellationReason } : {}),
      ...(b.rescheduledFromUid ? { rescheduledFromUid: b.rescheduledFromUid } : {}),
      ...(b.rescheduledToUid ? { rescheduledToUid: b.rescheduledToUid } : {}),
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      duration: type.lengthMinutes,
      eventTypeId: b.eventTypeId,
      eventType: { id: b.eventTypeId, slug: `event-${b.eventTypeId}` },
      location: '',
      absentHost: false,
      createdAt: b.createdAt.toISOString(),
      updatedAt: b.createdAt.toISOString(),
      metadata: b.metadata,
      attendees: [{ ...b.attendee, displayEmail: b.attendee.email, absent: false }],
      bookingFieldsResponses: { name: b.attendee.name, email: b.attendee.email },
    };
  }
}

function parseStart(value: unknown): Date {
  const start = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(start.getTime())) throw bad('start must be a valid ISO 8601 date');
  return start;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
