import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DomainError } from '../../../common/domain-error';
import type { BookingScope } from '../../appointments/appointments.types';
import { resolveWhen, When, WhenInput } from '../../appointments/when';
import type { OpeningHours } from '../../tenants/branch.entity';
import { CatalogService, findByName } from '../../tenants/catalog.service';
import { CompanyAccountsService } from '../../tenants/company-accounts.service';
import type { ToolContext } from '../tool-context';
import type { ToolResult } from '../tool-results';
import { ToolStop } from './tool-stop';

/** The steps every calendar tool shares: which service and calendar a request means, and when the caller means. */
@Injectable()
export class ToolScopeService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly accounts: CompanyAccountsService,
  ) {}

  /** Service, Cal.com account and opening hours for one request; stops with the services offered when none fits. */
  async scope(context: ToolContext, serviceName: string, branchName?: string, serviceId?: string | null) {
    const { company } = context;
    const [{ services, branches }, account] = await Promise.all([
      this.catalog.offering(company.id, branchName),
      this.accounts.calcomAccount(company.id),
    ]);
    const service = services.find((s) => s.id === serviceId) ?? findByName(services, serviceName);
    if (!service) throw new ToolStop({ kind: 'unknownService', offered: services.map((s) => s.name) });
    if (!account) throw new DomainError('CALCOM_MISCONFIGURED', 'The company has no Cal.com account');
    const branch = branches.find((b) => b.id === (service.branchId ?? context.branch?.id));
    const openingHours = branch?.openingHours ?? null;
    return { company, account, service, openingHours, holder: holderOf(context) } satisfies BookingScope;
  }

  /** The caller's words on the company's calendar: its timezone, its date order, the branch's opening hours. */
  when(context: ToolContext, input: WhenInput, openingHours: OpeningHours | null = null): When {
    const { timezone, locale, dateOrder } = context.company;
    return resolveWhen(input, timezone, locale, new Date(), { openingHours, dateOrder: dateOrder ?? undefined });
  }

  /** An exact instant, or stops: a day without a time asks for the time, anything unsure asks again. */
  exact(when: When, again: boolean): Extract<When, { kind: 'instant' }> {
    if (when.kind === 'instant') return when;
    if (when.kind === 'invalid' || when.kind === 'clarify') throw new ToolStop(unsure(when));
    throw new ToolStop({ kind: 'needTime', again, day: when.kind === 'none' });
  }

  /** An instant to search around: the time said, or the start of the period (9:00 without one) of the day said. */
  around(when: When, timezone: string): Date {
    if (when.kind === 'instant') return when.instant;
    if (when.kind !== 'day') throw new ToolStop(unsure(when));
    return DateTime.fromISO(when.day, { zone: timezone })
      .set({ hour: when.period?.from ?? 9 })
      .toJSDate();
  }
}

/**
 * Who a slot is held for: the Retell call, else the customer, else the caller's number (an MCP client without a
 * call); null when nothing names the caller, who then holds nothing.
 */
export function holderOf(context: ToolContext): string | null {
  if (context.retellCallId) return context.retellCallId;
  if (context.customer) return `customer:${context.customer.id}`;
  return context.callerNumber ? `number:${context.callerNumber}` : null;
}

/** Never a guess: an unread phrase is asked again, an ambiguous one is asked as a choice. */
export function unsure(when: When): ToolResult {
  return when.kind === 'clarify' ? when : { kind: 'unreadDate' };
}
