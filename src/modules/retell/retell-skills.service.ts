import { Injectable } from '@nestjs/common';
import { toE164 } from '../../common/phone';
import { AppointmentsService } from '../appointments/appointments.service';
import { CallsService } from '../calls/calls.service';
import { WEEKDAYS } from '../tenants/branch.entity';
import { CatalogService } from '../tenants/catalog.service';
import { CustomersService } from '../tenants/customers.service';
import { CallContext } from './call-context.service';
import { CollectCustomerInfoArgs, ListServicesArgs } from './retell-functions.dto';
import { fail, FunctionAnswer, joinList, speakDateTime, speakDuration } from './speech';

export type CompanyContext = CallContext & { company: NonNullable<CallContext['company']> };

const DAY_NAMES = {
  de: { mon: 'Montag', tue: 'Dienstag', wed: 'Mittwoch', thu: 'Donnerstag', fri: 'Freitag', sat: 'Samstag', sun: 'Sonntag' },
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
};

/** Turns domain results into what the agent says. Each skill takes the resolved call and validated arguments. */
@Injectable()
export class RetellSkillsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly customers: CustomersService,
    private readonly calls: CallsService,
    private readonly appointments: AppointmentsService,
  ) {}

  async listServices({ company }: CompanyContext, args: ListServicesArgs): Promise<FunctionAnswer> {
    const services = await this.catalog.listServices(company.id, args.branch);
    if (services.length === 0) return fail(company.locale, 'NOT_FOUND');
    const spoken = services.map((s) => `${s.name} (${speakDuration(s.durationMinutes, company.locale)})`);
    return {
      success: true,
      message: company.locale === 'de' ? `Wir bieten an: ${joinList('de', spoken)}.` : `We offer: ${joinList('en', spoken)}.`,
      data: { services: services.map((s) => ({ name: s.name, duration_minutes: s.durationMinutes, branch: s.branchName })) },
    };
  }

  async getBranches({ company }: CompanyContext): Promise<FunctionAnswer> {
    const branches = await this.catalog.listBranches(company.id);
    if (branches.length === 0) return fail(company.locale, 'NOT_FOUND');
    const hours = (branch: (typeof branches)[number]) =>
      WEEKDAYS.filter((day) => branch.openingHours[day]?.length).map(
        (day) => `${DAY_NAMES[company.locale][day]} ${branch.openingHours[day]!.map(([from, to]) => `${from}–${to}`).join(', ')}`,
      );
    const spoken = branches.map((b) => [b.name, b.address].filter(Boolean).join(', '));
    return {
      success: true,
      message: company.locale === 'de' ? `Unsere Standorte: ${joinList('de', spoken)}.` : `Our locations: ${joinList('en', spoken)}.`,
      data: { branches: branches.map((b) => ({ name: b.name, address: b.address, opening_hours: hours(b) })) },
    };
  }

  async collectCustomerInfo(context: CompanyContext, args: CollectCustomerInfoArgs): Promise<FunctionAnswer> {
    const { company } = context;
    const phone = args.phone ? toE164(args.phone) : context.callerNumber;
    if (args.phone && !phone) return { success: false, message: company.locale === 'de' ? 'Die Telefonnummer habe ich nicht verstanden.' : "I didn't catch that phone number." };
    const customer = await this.customers.upsert(company.id, { name: args.name, phone, email: args.email });
    if (context.callId) await this.calls.attachCustomer(context.callId, customer.id);
    return {
      success: true,
      message: company.locale === 'de' ? `Danke, ${args.name}. Ich habe Ihre Daten notiert.` : `Thank you, ${args.name}. I've noted your details.`,
      data: { customer_id: customer.id },
    };
  }

  async queryCustomerAppointments({ company, customer }: CompanyContext): Promise<FunctionAnswer> {
    const upcoming = customer ? await this.appointments.upcomingFor(company.id, customer.id) : [];
    if (upcoming.length === 0) {
      return { success: true, message: company.locale === 'de' ? 'Ich finde keine anstehenden Termine für Sie.' : "I can't find any upcoming appointments for you.", data: { appointments: [] } };
    }
    const spoken = upcoming.map((a) => `${a.serviceName ?? ''} ${company.locale === 'de' ? 'am' : 'on'} ${speakDateTime(a.startAt, company.timezone, company.locale)}`.trim());
    const count = upcoming.length;
    const lead = company.locale === 'de' ? (count === 1 ? 'Sie haben einen Termin:' : `Sie haben ${count} Termine:`) : count === 1 ? 'You have one appointment:' : `You have ${count} appointments:`;
    return {
      success: true,
      message: `${lead} ${joinList(company.locale, spoken)}.`,
      data: { appointments: upcoming.map((a) => ({ appointment_id: a.id, service: a.serviceName, start: a.startAt.toISOString(), status: a.status })) },
    };
  }

  /** The calendar-backed functions answer honestly until the Cal.com engine takes them over. */
  async checkAvailability({ company }: CompanyContext): Promise<FunctionAnswer> {
    return fail(company.locale, 'NOT_AVAILABLE');
  }

  getAlternatives = this.checkAvailability;
  collectAppointmentData = this.checkAvailability;
  bookAppointment = this.checkAvailability;
  cancelAppointment = this.checkAvailability;
  rescheduleAppointment = this.checkAvailability;
}
