import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DomainError } from '../../common/domain-error';
import { Appointment } from '../appointments/appointment.entity';
import { AppointmentsService } from '../appointments/appointments.service';
import { Attendee, BookingScope } from '../appointments/appointments.types';
import { AvailabilityService } from '../appointments/availability.service';
import { BookingService } from '../appointments/booking.service';
import { resolveWhen, When, WhenInput } from '../appointments/when';
import type { OpeningHours } from '../tenants/branch.entity';
import { CatalogService, findByName } from '../tenants/catalog.service';
import { CompaniesService } from '../tenants/companies.service';
import type { Locale } from '../tenants/company.entity';
import { Customer } from '../tenants/customer.entity';
import type {
  BookAppointmentArgs,
  CancelAppointmentArgs,
  CheckAvailabilityArgs,
  CollectAppointmentDataArgs,
  GetAlternativesArgs,
  RescheduleAppointmentArgs,
} from './retell-functions.dto';
import { CompanyContext, RetellSkillsService } from './retell-skills.service';
import { fail, FunctionAnswer, joinList, speakClarification, speakDateTime, speakDay, speakSlots } from './speech';

const say = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);
const iso = (instants: Date[]) => instants.map((instant) => instant.toISOString());
const SLOTS_SPOKEN_PER_DAY = 4;

/** The calendar functions: availability, alternatives and the booking lifecycle, said in the company's language. */
@Injectable()
export class RetellCalendarSkillsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly companies: CompaniesService,
    private readonly skills: RetellSkillsService,
    private readonly availability: AvailabilityService,
    private readonly booking: BookingService,
    private readonly appointments: AppointmentsService,
  ) {}

  async checkAvailability(context: CompanyContext, args: CheckAvailabilityArgs): Promise<FunctionAnswer> {
    const scope = await this.scope(context, args.service, args.branch);
    if (!('account' in scope)) return scope;
    const { locale, timezone } = context.company;
    const when = this.when(context, { date: args.date, time: args.time }, scope.openingHours);
    if (when.kind === 'invalid' || when.kind === 'clarify') return this.unsure(context, when);
    const result = await this.availability.check(scope, when);
    if (result.kind === 'free') {
      return {
        success: true,
        message: say(
          locale,
          `${cap(speakDateTime(result.instant, timezone, locale))} ist frei.`,
          `${cap(speakDateTime(result.instant, timezone, locale))} is available.`,
        ),
        data: { available: true, start: result.instant.toISOString() },
      };
    }
    if (result.kind === 'taken')
      return this.offer(
        context,
        result.instant,
        result.alternatives.length > 0
          ? result.alternatives
          : await this.availability.alternatives(scope, result.instant),
      );
    const spoken = result.days
      .filter((day) => day.slots.length > 0)
      .map(
        (day) =>
          `${speakDay(day.day, timezone, locale)} ${speakSlots(day.slots.slice(0, SLOTS_SPOKEN_PER_DAY), timezone, locale)}`,
      );
    const data = {
      available: spoken.length > 0,
      days: result.days.map((day) => ({ date: day.day, slots: iso(day.slots) })),
    };
    if (spoken.length > 0)
      return {
        success: true,
        message: say(locale, `Frei wäre ${joinList('de', spoken, 'or')}.`, `I have ${joinList('en', spoken, 'or')}.`),
        data,
      };
    const firstDay = DateTime.fromISO(result.days[0].day, { zone: timezone }).set({ hour: 9 }).toJSDate();
    const later = await this.availability.alternatives(scope, firstDay);
    return this.offer(context, null, later, data);
  }

  async getAlternatives(context: CompanyContext, args: GetAlternativesArgs): Promise<FunctionAnswer> {
    const scope = await this.scope(context, args.service);
    if (!('account' in scope)) return scope;
    const when = this.when(context, { date: args.date, time: args.time }, scope.openingHours);
    const wanted = this.instantOf(when, context.company.timezone);
    if (!wanted) return this.unsure(context, when);
    return this.offer(context, null, await this.availability.alternatives(scope, wanted));
  }

  async collectAppointmentData(context: CompanyContext, args: CollectAppointmentDataArgs): Promise<FunctionAnswer> {
    if (args.confirm) return this.bookAppointment(context, args);
    const scope = await this.scope(context, args.service);
    if (!('account' in scope)) return scope;
    const { locale, timezone } = context.company;
    const when = this.when(context, { date: args.date, time: args.time }, scope.openingHours);
    if (when.kind !== 'instant')
      return this.needTime(
        context,
        when,
        say(locale, 'Zu welcher Uhrzeit hätten Sie gern den Termin?', 'What time would you like?'),
      );
    const result = await this.availability.check(scope, when);
    if (result.kind !== 'free')
      return this.offer(context, when.instant, result.kind === 'taken' ? result.alternatives : []);
    // Asked before the caller agrees, so a confirmed booking never fails for want of an e-mail address.
    const contact = { email: args.email ?? context.customer?.email ?? null, phone: args.phone ?? context.callerNumber };
    const refused = await this.booking.assertContactAccepted(scope, contact).then(
      () => null,
      (error: unknown) => error,
    );
    if (refused instanceof DomainError && refused.code === 'EMAIL_REQUIRED') return askForEmail(locale);
    if (refused) throw refused;
    const summary = `${scope.service.name} ${say(locale, 'am', 'on')} ${speakDateTime(when.instant, timezone, locale)} ${say(locale, 'für', 'for')} ${args.name}`;
    return {
      success: true,
      message: say(
        locale,
        `Ich fasse zusammen: ${summary}. Soll ich das so buchen?`,
        `To confirm: ${summary}. Shall I book it?`,
      ),
      data: { available: true, start: when.instant.toISOString(), service: scope.service.name, confirmed: false },
    };
  }

  async bookAppointment(context: CompanyContext, args: BookAppointmentArgs): Promise<FunctionAnswer> {
    const { locale } = context.company;
    const scope = await this.scope(context, args.service);
    if (!('account' in scope)) return scope;
    const when = this.when(context, { date: args.date, time: args.time, start: args.start }, scope.openingHours);
    if (when.kind !== 'instant')
      return this.needTime(context, when, say(locale, 'Mir fehlt noch die Uhrzeit.', 'I still need the time.'));
    const attendee = await this.attendee(context, args);
    if ('message' in attendee) return attendee;
    const key = `${context.retellCallId ?? `customer-${attendee.customerId}`}:${scope.service.id}:${when.instant.toISOString()}`;
    try {
      const { appointment } = await this.booking.book(scope, when.instant, attendee, {
        key,
        callId: context.callId,
        notes: args.notes,
      });
      return this.booked(context, scope, appointment, 'booked');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'SLOT_TAKEN')
        return this.offer(context, when.instant, await this.availability.alternatives(scope, when.instant));
      if (error instanceof DomainError && error.code === 'EMAIL_REQUIRED') return askForEmail(locale);
      throw error;
    }
  }

  async cancelAppointment(context: CompanyContext, args: CancelAppointmentArgs): Promise<FunctionAnswer> {
    const target = await this.target(context, args.appointment_id, args.date, true);
    if (!(target instanceof Appointment)) return target;
    const account = await this.companies.calcomAccount(context.company.id);
    if (!account) return fail(context.company.locale, 'CALCOM_MISCONFIGURED');
    // Cal.com requires a reason when the host's key cancels (always, for us): the caller's words, or ours.
    const reason =
      args.reason ??
      say(context.company.locale, 'Vom Anrufer telefonisch abgesagt', 'Cancelled by the caller by phone');
    const outcome = await this.booking.cancel(account, context.company.timezone, target, reason);
    const when = speakDateTime(target.startAt, context.company.timezone, context.company.locale);
    const message =
      outcome === 'cancelled'
        ? say(
            context.company.locale,
            `Ihr Termin am ${when} ist storniert.`,
            `Your appointment on ${when} is cancelled.`,
          )
        : say(
            context.company.locale,
            `Der Termin am ${when} war bereits storniert.`,
            `The appointment on ${when} was already cancelled.`,
          );
    return {
      success: true,
      message,
      data: { appointment_id: target.id, status: 'cancelled', start: target.startAt.toISOString() },
    };
  }

  async rescheduleAppointment(context: CompanyContext, args: RescheduleAppointmentArgs): Promise<FunctionAnswer> {
    const target = await this.target(context, args.appointment_id, args.date);
    if (!(target instanceof Appointment)) return target;
    const scope = await this.scope(context, target.service?.name ?? '', undefined, target.serviceId);
    if (!('account' in scope)) return scope;
    const when = this.when(context, { date: args.new_date, time: args.new_time }, scope.openingHours);
    if (when.kind !== 'instant') return this.unsure(context, when);
    if (target.startAt.getTime() === when.instant.getTime()) return this.booked(context, scope, target, 'moved');
    try {
      // The booking's own time counts as free, so it can move by less than its length.
      const check = await this.availability.check(scope, when, new Date(), target.calcomBookingUid ?? undefined);
      if (check.kind === 'taken') return this.offer(context, when.instant, check.alternatives);
      const { appointment } = await this.booking.reschedule(scope, target, when.instant, context.callId);
      return this.booked(context, scope, appointment, 'moved');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'SLOT_TAKEN')
        return this.offer(context, when.instant, await this.availability.alternatives(scope, when.instant));
      throw error;
    }
  }

  async queryCustomerAppointments({ company, customer }: CompanyContext): Promise<FunctionAnswer> {
    const rows = customer ? await this.appointments.upcomingFor(company.id, customer.id) : [];
    const account = rows.length > 0 ? await this.companies.calcomAccount(company.id) : null;
    const upcoming = account ? await this.appointments.reconcile(account, rows) : rows;
    if (upcoming.length === 0)
      return {
        success: true,
        message: say(
          company.locale,
          'Ich finde keine anstehenden Termine für Sie.',
          "I can't find any upcoming appointments for you.",
        ),
        data: { appointments: [] },
      };
    const spoken = upcoming.map((a) => {
      const requested =
        a.status === 'pending'
          ? say(company.locale, ' (angefragt, noch nicht bestätigt)', ' (requested, not yet confirmed)')
          : '';
      return `${a.service?.name ?? ''} ${say(company.locale, 'am', 'on')} ${speakDateTime(a.startAt, company.timezone, company.locale)}${requested}`.trim();
    });
    const lead =
      upcoming.length === 1
        ? say(company.locale, 'Sie haben einen Termin:', 'You have one appointment:')
        : say(company.locale, `Sie haben ${upcoming.length} Termine:`, `You have ${upcoming.length} appointments:`);
    return {
      success: true,
      message: `${lead} ${joinList(company.locale, spoken)}.`,
      data: {
        appointments: upcoming.map((a) => ({
          appointment_id: a.id,
          service: a.service?.name ?? null,
          start: a.startAt.toISOString(),
          status: a.status === 'pending' ? 'requested' : 'confirmed',
        })),
      },
    };
  }

  /** Service, Cal.com account and opening hours for one request; a speakable answer when something is missing. */
  private async scope(
    context: CompanyContext,
    serviceName: string,
    branchName?: string,
    serviceId?: string | null,
  ): Promise<BookingScope | FunctionAnswer> {
    const { company } = context;
    const [{ services, branches }, account] = await Promise.all([
      this.catalog.offering(company.id, branchName),
      this.companies.calcomAccount(company.id),
    ]);
    const service = services.find((s) => s.id === serviceId) ?? findByName(services, serviceName);
    if (!service) {
      const offered = joinList(
        company.locale,
        services.map((s) => s.name),
        'or',
      );
      return {
        success: false,
        message: say(
          company.locale,
          `Welche Leistung meinen Sie? Wir bieten ${offered} an.`,
          `Which service do you mean? We offer ${offered}.`,
        ),
        data: { services: services.map((s) => s.name) },
      };
    }
    if (!account) return fail(company.locale, 'CALCOM_MISCONFIGURED');
    const branch = branches.find((b) => b.id === (service.branchId ?? context.branch?.id));
    return { company, account, service, openingHours: branch?.openingHours ?? null };
  }

  private async attendee(context: CompanyContext, args: BookAppointmentArgs): Promise<Attendee | FunctionAnswer> {
    const email = args.email ?? context.customer?.email ?? null;
    const customer = await this.skills.rememberCaller(context, { name: args.name, phone: args.phone, email }, true);
    if (!(customer instanceof Customer)) return customer;
    return { customerId: customer.id, name: args.name, email, phone: customer.phoneE164 };
  }

  /** The caller's appointment meant by id or day; a question when there is none or several. */
  private async target(
    context: CompanyContext,
    appointmentId?: string,
    date?: string,
    includeCancelled = false,
  ): Promise<Appointment | FunctionAnswer> {
    const { company, customer } = context;
    const none = {
      success: false,
      message: say(
        company.locale,
        'Ich finde keinen passenden Termin für Sie.',
        "I can't find a matching appointment for you.",
      ),
      data: { appointments: [] },
    };
    if (!customer) return none;
    const when = date ? this.when(context, { date }) : undefined;
    const day = when && (when.kind === 'instant' || when.kind === 'day') ? when.day : undefined;
    if (when && !day) return this.unsure(context, when);
    const rows = await this.appointments.findForCaller(company.id, customer.id, {
      appointmentId,
      day,
      timeZone: company.timezone,
      includeCancelled,
    });
    if (rows.length === 0) return none;
    if (rows.length === 1) return rows[0];
    const spoken = rows.map((row) =>
      `${row.service?.name ?? ''} ${say(company.locale, 'am', 'on')} ${speakDateTime(row.startAt, company.timezone, company.locale)}`.trim(),
    );
    return {
      success: false,
      message: say(
        company.locale,
        `Sie haben mehrere Termine: ${joinList('de', spoken)}. Welchen meinen Sie?`,
        `You have several appointments: ${joinList('en', spoken)}. Which one do you mean?`,
      ),
      data: {
        appointments: rows.map((row) => ({
          appointment_id: row.id,
          service: row.service?.name ?? null,
          start: row.startAt.toISOString(),
        })),
      },
    };
  }

  private booked(
    context: CompanyContext,
    scope: BookingScope,
    appointment: Appointment,
    verb: 'booked' | 'moved',
  ): FunctionAnswer {
    const { locale, timezone } = context.company;
    const what = `${scope.service.name} ${say(locale, 'am', 'on')} ${speakDateTime(appointment.startAt, timezone, locale)}`;
    const pending = appointment.status === 'pending';
    const message = pending
      ? say(
          locale,
          `Ich habe den Termin angefragt: ${what}. Sie bekommen eine Bestätigung, sobald er bestätigt ist.`,
          `I've requested the appointment: ${what}. You'll get a confirmation once it is confirmed.`,
        )
      : verb === 'moved'
        ? say(locale, `Ihr Termin ist verschoben auf ${what}.`, `Your appointment is moved to ${what}.`)
        : say(locale, `Ihr Termin ist gebucht: ${what}.`, `Your appointment is booked: ${what}.`);
    return {
      success: true,
      message,
      data: {
        appointment_id: appointment.id,
        status: pending ? 'requested' : 'confirmed',
        start: appointment.startAt.toISOString(),
        service: scope.service.name,
      },
    };
  }

  /** "That time is taken" (when there was one) and up to three others, or that nothing is free. */
  private offer(
    context: CompanyContext,
    wanted: Date | null,
    alternatives: Date[],
    extra: Record<string, unknown> = {},
  ): FunctionAnswer {
    const { locale, timezone } = context.company;
    const spokenWanted = wanted ? cap(speakDateTime(wanted, timezone, locale)) : '';
    const taken = wanted
      ? say(locale, `${spokenWanted} ist leider schon vergeben.`, `${spokenWanted} is already taken.`)
      : '';
    const data = { available: false, ...extra, alternatives: iso(alternatives) };
    if (alternatives.length === 0)
      return {
        success: false,
        message:
          `${taken} ${say(locale, 'In den nächsten Tagen ist leider nichts frei.', 'Nothing is free in the next days, unfortunately.')}`.trim(),
        data,
      };
    const options = speakSlots(alternatives, timezone, locale, 'or');
    return {
      success: false,
      message: `${taken} ${say(locale, `Ich könnte Ihnen ${options} anbieten.`, `I could offer ${options}.`)}`.trim(),
      data,
    };
  }

  private instantOf(when: When, timezone: string): Date | null {
    if (when.kind === 'instant') return when.instant;
    if (when.kind === 'day')
      return DateTime.fromISO(when.day, { zone: timezone })
        .set({ hour: when.period?.from ?? 9 })
        .toJSDate();
    return null;
  }

  /** The caller's words on the company's calendar: its timezone, its date order, the branch's opening hours. */
  private when(context: CompanyContext, input: WhenInput, openingHours: OpeningHours | null = null): When {
    const { timezone, locale, dateOrder } = context.company;
    return resolveWhen(input, timezone, locale, new Date(), { openingHours, dateOrder: dateOrder ?? undefined });
  }

  /** A day without a time (ask for the time), or a phrase that was not read or needs the caller to choose. */
  private needTime(context: CompanyContext, when: When, question: string): FunctionAnswer {
    if (when.kind === 'invalid' || when.kind === 'clarify') return this.unsure(context, when);
    return { success: false, message: question, data: { missing: ['time'] } };
  }

  /** Never a guess: an unread phrase is asked again, an ambiguous one is asked as a choice. */
  private unsure(context: CompanyContext, when: When): FunctionAnswer {
    const { locale, timezone } = context.company;
    if (when.kind === 'clarify') {
      const options = when.options.map((option) => option.toISOString());
      return {
        success: false,
        message: speakClarification(when, timezone, locale),
        data: { missing: ['date'], clarify: when.reason, options },
      };
    }
    return {
      success: false,
      message: say(
        locale,
        'Das Datum habe ich leider nicht verstanden. Welcher Tag und welche Uhrzeit?',
        "Sorry, I didn't catch the date. Which day and time?",
      ),
      data: { missing: ['date'] },
    };
  }
}

const askForEmail = (locale: Locale): FunctionAnswer => ({
  ...fail(locale, 'EMAIL_REQUIRED'),
  data: { missing: ['email'] },
});

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
