import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { MetricsService } from '../../metrics/metrics.service';
import { CalcomError } from './calcom.errors';
import type { CalcomAccount } from './calcom.types';

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * One circuit breaker per Cal.com account (base URL and key): while a company's Cal.com is down, its callers get an
 * answer at once instead of waiting out every timeout, and companies on other accounts are not affected. Read per
 * company, for the metrics and the diagnostic endpoint.
 */
@Injectable()
export class CalcomBreakersService implements OnModuleDestroy {
  private readonly logger = new Logger(CalcomBreakersService.name);
  private readonly breakers = new Map<string, CircuitBreaker<[() => Promise<unknown>], unknown>>();
  /** The account each company last used. */
  private readonly accountOf = new Map<string, string>();

  constructor(
    @Inject(calcomConfig.KEY) private readonly config: CalcomConfig,
    metrics: MetricsService,
  ) {
    const open = { closed: 0, 'half-open': 0.5, open: 1 } as const;
    metrics.gauge(
      'calcom_breaker_open',
      'Cal.com breaker per company: 0 closed, 0.5 half-open, 1 open',
      ['company'],
      async () => this.states().map(({ companyId, state }) => [{ company: companyId }, open[state]]),
    );
  }

  async run<T>(account: Pick<CalcomAccount, 'id' | 'companyId'>, action: () => Promise<T>): Promise<T> {
    this.accountOf.set(account.companyId, account.id);
    try {
      return (await this.breaker(account).fire(action)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') {
        throw new CalcomError('CALCOM_UNAVAILABLE', 'Cal.com breaker is open');
      }
      throw error;
    }
  }

  state(companyId: string): BreakerState {
    const accountId = this.accountOf.get(companyId);
    const breaker = accountId ? this.breakers.get(accountId) : undefined;
    if (!breaker) return 'closed';
    return breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed';
  }

  states(): Array<{ companyId: string; state: BreakerState }> {
    return [...this.accountOf.keys()].map((companyId) => ({ companyId, state: this.state(companyId) }));
  }

  onModuleDestroy(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
    this.accountOf.clear();
  }

  private breaker({ id, companyId }: Pick<CalcomAccount, 'id' | 'companyId'>) {
    let breaker = this.breakers.get(id);
    if (!breaker) {
      breaker = new CircuitBreaker((action: () => Promise<unknown>) => action(), {
        timeout: false, // every request carries its own timeout
        resetTimeout: this.config.breakerResetMs,
        volumeThreshold: this.config.breakerVolume,
        errorThresholdPercentage: 50,
        rollingCountTimeout: 30_000,
        errorFilter: (error: unknown) => !(error instanceof CalcomError && error.isOutage),
      });
      breaker.on('open', () => this.logger.warn({ companyId }, 'Cal.com breaker opened'));
      breaker.on('close', () => this.logger.log({ companyId }, 'Cal.com breaker closed'));
      this.breakers.set(id, breaker);
    }
    return breaker;
  }
}
