import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { calcomConfig, CalcomConfig } from '../../config/configuration';
import { MetricsService } from '../../metrics/metrics.service';
import { CalcomError } from './calcom.errors';

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * One circuit breaker per company (per Cal.com account): while a company's Cal.com is down, its callers get an
 * answer at once instead of waiting out every timeout, and other companies are not affected.
 */
@Injectable()
export class CalcomBreakersService implements OnModuleDestroy {
  private readonly logger = new Logger(CalcomBreakersService.name);
  private readonly breakers = new Map<string, CircuitBreaker<[() => Promise<unknown>], unknown>>();

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

  async run<T>(companyId: string, action: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker(companyId).fire(action)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') {
        throw new CalcomError('CALCOM_UNAVAILABLE', 'Cal.com breaker is open');
      }
      throw error;
    }
  }

  state(companyId: string): BreakerState {
    const breaker = this.breakers.get(companyId);
    if (!breaker) return 'closed';
    return breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed';
  }

  states(): Array<{ companyId: string; state: BreakerState }> {
    return [...this.breakers.keys()].map((companyId) => ({ companyId, state: this.state(companyId) }));
  }

  onModuleDestroy(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }

  private breaker(companyId: string) {
    let breaker = this.breakers.get(companyId);
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
      this.breakers.set(companyId, breaker);
    }
    return breaker;
  }
}
