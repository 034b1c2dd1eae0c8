import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import axios, { AxiosError, AxiosInstance, Method } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { MetricsService } from '../../metrics/metrics.service';
import { CalcomBreakersService } from './calcom-breakers.service';
import { CalcomError, errorFromResponse, errorFromTransport } from './calcom.errors';
import { unwrap } from './calcom.parse';
import type { CalcomAccount } from './calcom.types';

export interface CalcomOperation {
  name: string;
  method: Method;
  path: string;
  version: string;
  params?: Record<string, string | number>;
  data?: unknown;
  /** Reads may be sent twice; a POST never is (Cal.com has no idempotency header). */
  idempotent: boolean;
}

/**
 * One request to Cal.com as the client describes it: through the company's breaker, with a timeout, one more try
 * for a read that failed fast, metrics, and Cal.com's answer mapped to our error codes.
 */
@Injectable()
export class CalcomHttpService implements OnModuleDestroy {
  private readonly logger = new Logger(CalcomHttpService.name);
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
    // No base URL here: each company may have its own Cal.com (api.cal.eu, self-hosted), named by its account.
    this.http = axios.create({
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

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  async send(account: CalcomAccount, operation: CalcomOperation): Promise<unknown> {
    return this.breakers.run(account, async () => {
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

  private async attempt(account: CalcomAccount, operation: CalcomOperation): Promise<unknown> {
    const timer = this.metrics.calcomDuration.startTimer({ operation: operation.name });
    try {
      const response = await this.http.request({
        method: operation.method,
        baseURL: account.baseUrl,
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

  private log(account: CalcomAccount, operation: CalcomOperation, error: CalcomError): void {
    const fields = { companyId: account.companyId, operation: operation.name, status: error.status, code: error.code };
    if (error.code === 'CALCOM_MISCONFIGURED')
      this.logger.error(fields, 'Cal.com configuration problem: check the API key and event type ids');
    else if (error.isOutage) this.logger.warn(fields, 'Cal.com request failed');
  }
}
