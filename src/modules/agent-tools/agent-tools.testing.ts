import { ReminderOutcomesService } from '../reminders/reminder-outcomes.service';
import type { CalcomAccount } from '../calcom/calcom.types';
import { DomainError } from '../../common/domain-error';
import type { Appointment } from '../appointments/appointment.entity';
import type { Availability } from '../appointments/appointments.types';
import { AgentToolsService } from './agent-tools.service';
import type { ToolContext } from './tool-context';
import { AppointmentToolsService } from './use-cases/appointment-tools.service';
import { AvailabilityToolsService } from './use-cases/availability-tools.service';
import { BookingToolsService } from './use-cases/booking-tools.service';
import { CallerToolsService } from './use-cases/caller-tools.service';
import { CatalogToolsService } from './use-cases/catalog-tools.service';
import { ToolScopeService } from './use-cases/tool-scope.service';
import { asReal, FakeOf } from '../../common/fakes.testing';
import type { AppointmentReconciliationService } from '../appointments/appointment-reconciliation.service';
import type { AppointmentsService } from '../appointments/appointments.service';
import type { CalcomWebhookAccountsService } from '../tenants/calcom-webhook-accounts.service';
import type { AvailabilityService } from '../appointments/availability.service';
import type { BookingService } from '../appointments/booking.service';
import type { CallsService } from '../calls/calls.service';
import type { CatalogService } from '../tenants/catalog.service';
import type { CompanyAccountsService as Accounts } from '../tenants/company-accounts.service';
import type { CustomersService } from '../tenants/customers.service';
import type { Hold, HoldOutcome, SlotHoldsService } from '../appointments/holds/slot-holds.service';

const HOURS = { mon: [['08:00', '20:00']], tue: [['08:00', '20:00']], wed: [['08:00', '20:00']] };
const service = { id: 'svc_cut', name: 'Haarschnitt', synonyms: [], branchId: 'br_1', calcomEventTypeId: 1001 };

/**
 * The domain as the tools see it, faked: each collaborator records its calls and answers what a test sets. Every
 * use case is real, so a spec drives `AgentToolsService.run` exactly as both faces do, without HTTP or a database.
 */
export function toolsRig() {
  const recorded: Array<[string, ...unknown[]]> = [];
  const note =
    <T>(name: string, answer: (...args: never[]) => T) =>
    (...args: never[]) => (recorded.push([name, ...args]), answer(...args));
  const state = {
    account: {
      id: 'acct_1',
      companyId: 'co_1',
      baseUrl: 'https://api.cal.com',
      apiKey: 'cal_key',
    } as CalcomAccount | null,
    check: { kind: 'free', instant: new Date() } as Availability,
    alternatives: [] as Date[],
    /** The booking window's last instant (the rig's dates lie in 2030). */
    windowEnd: Date.UTC(2031, 0, 1),
    appointments: [] as Appointment[],
    book: async (): Promise<{ appointment: Appointment; replayed: boolean }> => {
      throw new DomainError('SLOT_TAKEN', 'taken');
    },
    reschedule: async (): Promise<{ appointment: Appointment; replayed: boolean }> => {
      throw new DomainError('SLOT_TAKEN', 'taken');
    },
    cancelled: 'cancelled' as 'cancelled' | 'already-cancelled',
    services: [{ ...service, durationMinutes: 30, branchName: 'Mitte' }] as object[],
    contact: async (): Promise<void> => undefined,
    /** Whether the caller's appointments need asking Cal.com about. */
    reconcile: true,
    /** The caller's own hold of the time asked, and what holding it comes to. */
    mine: null as Hold | null,
    hold: { kind: 'skipped' } as HoldOutcome,
  };
  const branches = [{ id: 'br_1', name: 'Mitte', address: 'Torstraße 1', openingHours: HOURS }];
  const catalog = {
    offering: note('offering', async () => ({ services: [{ ...service, branchName: 'Mitte' }], branches })),
    listServices: note('listServices', async () => state.services),
    listBranches: note('listBranches', async () => branches),
  } satisfies FakeOf<CatalogService>;
  const accounts = { calcomAccount: note('calcomAccount', async () => state.account) } satisfies FakeOf<Accounts>;
  const customers = {
    upsert: note('upsert', async (_company: string, details: { phone: string | null }) => ({
      id: 'cust_1',
      phoneE164: details.phone,
    })),
    doNotCall: note('doNotCall', async (_company: string, who: { id: string } | { phone: string }) =>
      'id' in who ? who.id : 'cust_new',
    ),
  } satisfies FakeOf<CustomersService>;
  const calls = { attachCustomer: note('attachCustomer', async () => undefined) } satisfies FakeOf<CallsService>;
  const availability = {
    check: note('check', async () => state.check),
    alternatives: note('alternatives', async () => state.alternatives),
    windowEnd: note('windowEnd', () => state.windowEnd),
    rules: note('rules', () => ({
      zone: 'Europe/Berlin',
      hours: HOURS,
      durationMinutes: 30,
      windowEnd: state.windowEnd,
      now: new Date(),
    })),
  } satisfies FakeOf<AvailabilityService>;
  const booking = {
    book: note('book', () => state.book()),
    reschedule: note('reschedule', () => state.reschedule()),
    cancel: note('cancel', async () => state.cancelled),
    assertContactAccepted: note('assertContactAccepted', () => state.contact()),
  } satisfies FakeOf<BookingService>;
  const appointments = {
    upcomingFor: note('upcomingFor', async () => state.appointments),
    findForCaller: note('findForCaller', async () => state.appointments),
  } satisfies FakeOf<AppointmentsService>;
  const reconciliation = {
    needed: note('needed', () => state.reconcile),
    reconcile: note('reconcile', async () => true),
  } satisfies FakeOf<AppointmentReconciliationService>;
  const holds = {
    mine: note('holdMine', async () => state.mine),
    hold: note('hold', async () => state.hold),
    used: note('holdUsed', async () => undefined),
    releaseHolder: note('releaseHolder', async () => 1),
  } satisfies FakeOf<SlotHoldsService>;
  const reminders = {
    fromTool: note('reminderOutcome', async () => false),
    optedOut: note('optedOut', async () => undefined),
  } satisfies FakeOf<ReminderOutcomesService>;
  const webhooks = { flowing: note('flowing', async () => false) } satisfies FakeOf<CalcomWebhookAccountsService>;
  const scopes = new ToolScopeService(asReal<CatalogService>(catalog), asReal<Accounts>(accounts));
  const callers = new CallerToolsService(asReal<CustomersService>(customers), asReal<CallsService>(calls));
  const real = {
    availability: asReal<AvailabilityService>(availability),
    booking: asReal<BookingService>(booking),
    appointments: asReal<AppointmentsService>(appointments),
  };
  const free = new AvailabilityToolsService(scopes, real.availability, real.appointments);
  const tools = new AgentToolsService(
    new CatalogToolsService(asReal<CatalogService>(catalog)),
    callers,
    free,
    new BookingToolsService(scopes, callers, free, real.booking, asReal<SlotHoldsService>(holds)),
    new AppointmentToolsService(
      scopes,
      asReal<Accounts>(accounts),
      asReal<CalcomWebhookAccountsService>(webhooks),
      real.appointments,
      asReal<AppointmentReconciliationService>(reconciliation),
      free,
      real.booking,
      asReal<ReminderOutcomesService>(reminders),
      asReal<CustomersService>(customers),
    ),
  );
  return { tools, state, recorded, calls: (name: string) => recorded.filter(([called]) => called === name) };
}

/** A call context of the fake company, on a call with a known caller. */
export function toolContext(overrides: Partial<ToolContext> = {}): ToolContext {
  return {
    retellCallId: 'call_abc',
    callId: 'row_call',
    callerNumber: '+4915112345678',
    company: { id: 'co_1', name: 'Salon', timezone: 'Europe/Berlin', locale: 'de', dateOrder: null },
    branch: { id: 'br_1', name: 'Mitte' },
    customer: { id: 'cust_1', name: 'Mia', email: null, phone: '+4915112345678' },
    ...overrides,
  };
}

/** An appointment row as the domain returns it. */
export function appointmentRow(overrides: Partial<Appointment> = {}): Appointment {
  const id = overrides.id ?? 'apt_1';
  return {
    id,
    originId: id,
    status: 'accepted',
    startAt: new Date('2030-03-04T09:00:00.000Z'),
    serviceId: 'svc_cut',
    service: { name: 'Haarschnitt' },
    calcomBookingUid: 'uid_1',
    ...overrides,
  } as Appointment;
}
