import { Injectable } from '@nestjs/common';
import { toE164 } from '../../common/phone';
import { CallsService } from '../calls/calls.service';
import { WEEKDAYS } from '../tenants/branch.entity';
import { CatalogService } from '../tenants/catalog.service';
import { Customer } from '../tenants/customer.entity';
import { CustomersService } from '../tenants/customers.service';
import { CallContext } from './call-context.service';
import { CollectCustomerInfoArgs, ListServicesArgs } from './retell-functions.dto';
import { fail, FunctionAnswer, joinList, speakDuration } from './speech';

export type CompanyContext = CallContext & { company: NonNullable<CallContext['company']> };

const DAY_NAMES = {
  de: {
    mon: 'Montag',
    tue: 'Dienstag',
    wed: 'Mittwoch',
    thu: 'Donnerstag',
    fri: 'Freitag',
    sat: 'Samstag',
    sun: 'Sonntag',
  },
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
};

/** Turns domain results into what the agent says. Each skill takes the resolved call and validated arguments. */
@Injectable()
export class RetellSkillsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly customers: CustomersService,
    private readonly calls: CallsService,
  ) {}

  async listServices({ company }: CompanyContext, args: ListServicesArgs): Promise<FunctionAnswer> {
    const services = await this.catalog.listServices(company.id, args.branch);
    if (services.length === 0) return fail(company.locale, 'NOT_FOUND');
    const spoken = services.map((s) => `${s.name} (${speakDuration(s.durationMinutes, company.locale)})`);
    return {
      success: true,
      message:
        company.locale === 'de' ? `Wir bieten an: ${joinList('de', spoken)}.` : `We offer: ${joinList('en', spoken)}.`,
      data: {
        services: services.map((s) => ({ name: s.name, duration_minutes: s.durationMinutes, branch: s.branchName })),
      },
    };
  }

  async getBranches({ company }: CompanyContext): Promise<FunctionAnswer> {
    const branches = await this.catalog.listBranches(company.id);
    if (branches.length === 0) return fail(company.locale, 'NOT_FOUND');
    const hours = (branch: (typeof branches)[number]) =>
      WEEKDAYS.filter((day) => branch.openingHours[day]?.length).map(
        (day) =>
          `${DAY_NAMES[company.locale][day]} ${branch.openingHours[day]!.map(([from, to]) => `${from}–${to}`).join(', ')}`,
      );
    const spoken = branches.map((b) => [b.name, b.address].filter(Boolean).join(', '));
    return {
      success: true,
      message:
        company.locale === 'de'
          ? `Unsere Standorte: ${joinList('de', spoken)}.`
          : `Our locations: ${joinList('en', spoken)}.`,
      data: { branches: branches.map((b) => ({ name: b.name, address: b.address, opening_hours: hours(b) })) },
    };
  }

  async collectCustomerInfo(context: CompanyContext, args: CollectCustomerInfoArgs): Promise<FunctionAnswer> {
    const { company } = context;
    const customer = await this.rememberCaller(context, args);
    if (!(customer instanceof Customer)) return customer;
    return {
      success: true,
      message:
        company.locale === 'de'
          ? `Danke, ${args.name}. Ich habe Ihre Daten notiert.`
          : `Thank you, ${args.name}. I've noted your details.`,
      data: { customer_id: customer.id },
    };
  }

  /**
   * Saves the caller as a customer of this company (a given phone number, else the number calling) and links the
   * call to them. A speakable answer instead when the number is unreadable, or when contact details are required and
   * there are none.
   */
  async rememberCaller(
    context: CompanyContext,
    details: { name: string; phone?: string; email?: string | null },
    requireContact = false,
  ): Promise<Customer | FunctionAnswer> {
    const { company } = context;
    const phone = details.phone ? toE164(details.phone) : context.callerNumber;
    if (details.phone && !phone)
      return {
        success: false,
        message:
          company.locale === 'de'
            ? 'Die Telefonnummer habe ich nicht verstanden.'
            : "I didn't catch that phone number.",
      };
    if (requireContact && !phone && !details.email) return fail(company.locale, 'CONTACT_REQUIRED');
    const customer = await this.customers.upsert(company.id, { name: details.name, phone, email: details.email });
    if (context.callId) await this.calls.attachCustomer(context.callId, customer.id);
    return customer;
  }
}
