import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import axios, { AxiosError, AxiosInstance, Method } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { MetricsService } from '../../metrics/metrics.service';
import { CalcomBreakersService } from './calcom-breakers.service';
import { CalcomError, errorFromResponse, errorFromTransport } from './calcom.errors';
import { parseBooking, parseBookings, parseEventType, parseSlots, unwrap } from './calcom.parse';
import type {
  BookingSearch,
  CalcomAccount,
  CalcomBooking,
  CalcomEventType,
  NewBooking,
  SlotsByDay,
} from './calcom.types';

/** `cal-api-version` per endpoint (contracts/calcom.md). Without it Cal.com silently serves 2024-04-15 behaviour. */
export const CALCOM_API_VERSIONS = { slots: '2024-09-04', bookings: '2024-08-13', eventTypes: '2024-06-14' } as const;

interface Operation {
  name: string;
  method: Method;
  path: string;
  version: string;
  params?: Record<string, string | number>;
  data?: unknown;
  /** Reads may be sent twice; a POST never is (Cal.com has no idempotency header). */
  idempotent: boolean;
}

/** The only code that speaks HTTP to Cal.com. Plain inputs in, our own types out, our own error codes on failure. */
@Injectable()
export class CalcomClient implements OnModuleDestroy {
  private readonly logger = new Logger(CalcomClient.name);
  private readonly http: AxiosInstance;
  private readonly agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
  };

  constructor(
    @Inject(calcomConfig.KEY) private readonly config: CalcomConfig,
    private readonly breakers: CalcomBreakersService,
    private readonly metrics: MetricsService,
  ) {
    this.http = axios.create({
      baseURL: config.baseUrl,
      timeout: config.timeoutMs,
      maxRedirects: 0,
      // Reused connections save a TCP and TLS handshake on every request while a caller waits.
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      validateStatus: () => true,
      headers: {
        'user-agent': 'voice-booking-gateway/1 (+self-hosted)',
        'content-type': 'application/json',
        accept: 'application/json',
      },
    });
  }

  /** `bookingUidToReschedule`: that booking's own time counts as free, so it can move by less than its length. */
  async slots(
    account: CalcomAccount,
    query: { eventTypeId: number; start: Date; end: Date; timeZone: string; bookingUidToReschedule?: string },
  ): Promise<SlotsByDay> {
    const params = {
      eventTypeId: query.eventTypeId,
      start: query.start.toISOString(),
      end: query.end.toISOString(),
      timeZone: query.timeZone,
      ...(query.bookingUidToReschedule ? { bookingUidToReschedule: query.bookingUidToReschedule } : {}),
    };
    const data = await this.send(account, {
      name: 'slots',
      method: 'GET',
      path: '/v2/slots',
      version: CALCOM_API_VERSIONS.slots,
      params,
      idempotent: true,
    });
    return parseSlots(data);
  }

  async createBooking(account: CalcomAccount, booking: NewBooking): Promise<CalcomBooking> {
    const data = {
      start: booking.start.toISOString(),
      eventTypeId: booking.eventTypeId,
      attendee: booking.attendee,
      // Cal.com's metadata limits: 50 keys, keys up to 40 characters, values up to 500.
      metadata: { bookingKey: booking.bookingKey.slice(0, 500) },
    };
    return parseBooking(
      await this.send(account, {
        name: 'createBooking',
        method: 'POST',
        path: '/v2/bookings',
        version: CALCOM_API_VERSIONS.bookings,
        data,
        idempotent: false,
      }),
    );
  }

  async getBooking(account: CalcomAccount, uid: string): Promise<CalcomBooking> {
    const path = `/v2/bookings/${encodeURIComponent(uid)}`;
    return parseBooking(
      await this.send(account, {
        name: 'getBooking',
        method: 'GET',
        path,
        version: CALCOM_API_VERSIONS.bookings,
        idempotent: true,
      }),
    );
  }

  async findBookings(account: CalcomAccount, search: BookingSearch): Promise<CalcomBooking[]> {
    const params = {
      eventTypeId: String(search.eventTypeId),
      afterStart: search.afterStart.toISOString(),
      beforeEnd: search.beforeEnd.toISOString(),
      sortStart: 'asc',
      take: 100,
    };
    const data = await this.send(account, {
      name: 'findBookings',
      method: 'GET',
      path: '/v2/bookings',
      version: CALCOM_API_VERSIONS.bookings,
      params,
      idempotent: true,
    });
    return parseBookings(data);
  }

  /**
   * Resolves when the booking is cancelled, including when it already was (Cal.com answers that with a 400). The
   * reason is required: our key belongs to the host, and core refuses a host's cancellation without one.
   */
  async cancelBooking(account: CalcomAccount, uid: string, reason: string): Promise<void> {
    const path = `/v2/bookings/${encodeURIComponent(uid)}/cancel`;
    const data = { cancellationReason: reason.slice(0, 500) };
    try {
      await this.send(account, {
        name: 'cancelBooking',
        method: 'POST',
        path,
        version: CALCOM_API_VERSIONS.bookings,
        data,
        idempotent: false,
      });
    } catch (error) {
      if (error instanceof CalcomError && error.code === 'ALREADY_CANCELLED') return;
      throw error;
    }
  }

  /** Cal.com makes a new booking with a new uid and cancels the old one. */
  async rescheduleBooking(account: CalcomAccount, uid: string, start: Date, reason?: string): Promise<CalcomBooking> {
    const path = `/v2/bookings/${encodeURIComponent(uid)}/reschedule`;
    const data = { start: start.toISOString(), ...(reason ? { reschedulingReason: reason } : {}) };
    return parseBooking(
      await this.send(account, {
        name: 'rescheduleBooking',
        method: 'POST',
        path,
        version: CALCOM_API_VERSIONS.bookings,
        data,
        idempotent: false,
      }),
    );
  }

  async eventType(account: CalcomAccount, id: number): Promise<CalcomEventType> {
    const path = `/v2/event-types/${id}`;
    return parseEventType(
      await this.send(account, {
        name: 'eventType',
        method: 'GET',
        path,
        version: CALCOM_API_VERSIONS.eventTypes,
        idempotent: true,
      }),
    );
  }

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async send(account: CalcomAccount, operation: Operation): Promise<unknown> {
    return this.breakers.run(account.companyId, async () => {
      const started = Date.now();
      try {
        return await this.attempt(account, operation);
      } catch (error) {
        // A read that failed fast (refused, 502/503) gets one more try within the caller's time budget.
        const retry =
          operation.idempotent &&
          error instanceof CalcomError &&
          error.isRetryable &&
          Date.now() - started < this.config.timeoutMs / 2;
        if (!retry) throw error;
        return this.attempt(account, operation);
      }
    });
  }

  private async attempt(account: CalcomAccount, operation: Operation): Promise<unknown> {
    const timer = this.metrics.calcomDuration.startTimer({ operation: operation.name });
    try {
      const response = await this.http.request({
        method: operation.method,
        url: operation.path,
        params: operation.params,
        data: operation.data,
        headers: { authorization: `Bearer ${account.apiKey}`, 'cal-api-version': operation.version },
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      timer({ outcome: String(response.status) });
      if (response.status >= 200 && response.status < 300) return unwrap(response.data);
      const refused = errorFromResponse(response.status, response.data, operation.name, response.headers);
      // Cal.com can commit a booking and then fail (e-mails, webhooks run after the insert): a 5xx after a POST is uncertain.
      const error = !operation.idempotent && response.status >= 500 ? refused.withUncertainty() : refused;
      this.log(account, operation, error);
      throw error;
    } catch (error) {
      if (error instanceof CalcomError) throw error;
      const code = (error as AxiosError).code;
      timer({ outcome: code === 'ECONNREFUSED' ? 'refused' : 'timeout' });
      const mapped = errorFromTransport(code, operation.name);
      this.log(account, operation, mapped);
      throw mapped;
    }
  }

  private log(account: CalcomAccount, operation: Operation, error: CalcomError): void {
    const fields = { companyId: account.companyId, operation: operation.name, status: error.status, code: error.code };
    if (error.code === 'CALCOM_MISCONFIGURED')
      this.logger.error(fields, 'Cal.com configuration problem: check the API key and event type ids');
    else if (error.isOutage) this.logger.warn(fields, 'Cal.com request failed');
  }
}
