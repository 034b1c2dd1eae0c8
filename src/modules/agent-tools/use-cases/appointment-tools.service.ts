import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/domain-error';
import type { Appointment } from '../../appointments/appointment.entity';
import { AppointmentReconciliationService } from '../../appointments/appointment-reconciliation.service';
import { AppointmentsService } from '../../appointments/appointments.service';
import { BookingService } from '../../appointments/booking.service';
import { CalcomWebhookAccountsService } from '../../tenants/calcom-webhook-accounts.service';
import { CompanyAccountsService } from '../../tenants/company-accounts.service';
import type { CancelAppointmentArgs, ConfirmAppointmentArgs, RescheduleAppointmentArgs } from '../agent-tools.dto';
import { ReminderOutcomesService } from '../../reminders/reminder-outcomes.service';
import { CustomersService } from '../../tenants/customers.service';
import type { ToolContext } from '../tool-context';
import type { AppointmentView, ToolResult } from '../tool-results';
import { AvailabilityToolsService, unbookable } from './availability-tools.service';
import { booked } from './booking-tools.service';
import { ToolScopeService, unsure } from './tool-scope.service';
import { ToolStop } from './tool-stop';

const CANCEL_REASON = { de: 'Vom Anrufer telefonisch abgesagt', en: 'Cancelled by the caller by phone' };

/** An appointment as the caller knows it: by its stable id, the same across every move. */
const view = (row: Appointment): AppointmentView => ({
  id: row.originId,
  service: row.service?.name ?? null,
  start: row.startAt,
});

/** The caller's own appointments: listing, cancelling and moving them. */
@Injectable()
export class AppointmentToolsService {
  constructor(
    private readonly scopes: ToolScopeService,
    private readonly accounts: CompanyAccountsService,
    private readonly webhooks: CalcomWebhookAccountsService,
    private readonly appointments: AppointmentsService,
    private readonly reconciliation: AppointmentReconciliationService,
    private readonly free: AvailabilityToolsService,
    private readonly booking: BookingService,
    private readonly reminders: ReminderOutcomesService,
    private readonly customers: CustomersService,
  ) {}

  async cancelAppointment(context: ToolContext, args: CancelAppointmentArgs): Promise<ToolResult> {
    const target = await this.target(context, args.appointment_id, args.date, true);
    const account = await this.accounts.calcomAccount(context.company.id);
    if (!account) throw new DomainError('CALCOM_MISCONFIGURED', 'The company has no Cal.com account');
    // Cal.com requires a reason when the host's key cancels (always, for us): the caller's words, or ours.
    const reason = args.reason ?? CANCEL_REASON[context.company.locale];
    const outcome = await this.booking.cancel(account, context.company.timezone, target, reason);
    if (outcome === 'cancelled' && context.retellCallId)
      await this.reminders.fromTool(context.retellCallId, 'cancelled');
    return { kind: 'cancelled', appointment: view(target), alreadyCancelled: outcome !== 'cancelled' };
  }

  /** Moves the caller's appointment; when the new time cannot be had, it says why and that the old one stays. */
  async rescheduleAppointment(context: ToolContext, args: RescheduleAppointmentArgs): Promise<ToolResult> {
    const target = await this.target(context, args.appointment_id, args.date);
    const scope = await this.scopes.scope(context, target.service?.name ?? '', undefined, target.serviceId);
    const when = this.scopes.when(context, { date: args.new_date, time: args.new_time }, scope.openingHours);
    // Words for the new day were said (the argument is required): reading nothing in them is not reading them.
    if (when.kind === 'none') return { kind: 'unreadDate' };
    const { instant, day } = this.scopes.exact(when, false);
    const previous = target.startAt;
    if (previous.getTime() === instant.getTime()) return { ...booked(scope, target, true, previous), unchanged: true };
    const stays = (result: ToolResult): ToolResult =>
      result.kind === 'unavailable' ? { ...result, stays: view(target) } : result;
    try {
      // The booking's own time counts as free, so it can move by less than its length.
      const looked = await this.free.look(context, scope, when, target.calcomBookingUid ?? undefined);
      if (looked.kind !== 'free') return stays(looked);
      const { appointment } = await this.booking.reschedule(scope, target, instant, context.callId);
      if (context.retellCallId) await this.reminders.fromTool(context.retellCallId, 'rescheduled');
      return booked(scope, appointment, true, previous);
    } catch (error) {
      if (!unbookable(error)) throw error;
      return stays(await this.free.unavailable(context, scope, { instant, day }));
    }
  }

  /** The customer's "yes, I'll come": on a reminder call, the reminder ends as confirmed. */
  async confirmAppointment(context: ToolContext, args: ConfirmAppointmentArgs): Promise<ToolResult> {
    const target = await this.target(context, args.appointment_id);
    if (context.retellCallId) await this.reminders.fromTool(context.retellCallId, 'confirmed');
    return { kind: 'attendanceConfirmed', appointment: view(target) };
  }

  /** "Please don't call me again": honoured from now on, and the reminders still waiting go. */
  async optOutOfCalls(context: ToolContext): Promise<ToolResult> {
    const { company, customer, callerNumber } = context;
    const who = customer ? { id: customer.id } : callerNumber ? { phone: callerNumber } : null;
    if (!who) return { kind: 'failed', code: 'CONTACT_REQUIRED' };
    const customerId = await this.customers.doNotCall(company.id, who);
    await this.reminders.optedOut(company.id, customerId);
    if (context.retellCallId)
      await this.reminders.fromTool(context.retellCallId, 'declined', 'the customer asked not to be called');
    return { kind: 'optedOut' };
  }

  async queryCustomerAppointments({ company, customer }: ToolContext): Promise<ToolResult> {
    const upcoming = customer ? await this.upcoming(company, customer.id) : [];
    const status = (row: Appointment) => (row.status === 'pending' ? 'requested' : 'confirmed');
    return { kind: 'appointments', appointments: upcoming.map((row) => ({ ...view(row), status: status(row) })) };
  }

  /** The caller's upcoming appointments, asked of Cal.com only when webhooks do not keep them fresh. */
  private async upcoming(company: ToolContext['company'], customerId: string): Promise<Appointment[]> {
    const rows = await this.appointments.upcomingFor(company.id, customerId);
    if (!this.reconciliation.needed(rows, await this.webhooks.flowing(company.id))) return rows;
    const account = await this.accounts.calcomAccount(company.id);
    const asked = account ? await this.reconciliation.reconcile(account, company, rows) : false;
    return asked ? this.appointments.upcomingFor(company.id, customerId) : rows;
  }

  /** The caller's appointment meant by id or day; stops with a question when there is none or several. */
  private async target(context: ToolContext, appointmentId?: string, date?: string, includeCancelled = false) {
    const { company, customer } = context;
    if (!customer) throw new ToolStop({ kind: 'noAppointment' });
    const when = date ? this.scopes.when(context, { date }) : undefined;
    const day = when && (when.kind === 'instant' || when.kind === 'day') ? when.day : undefined;
    if (when && !day) throw new ToolStop(unsure(when));
    const rows = await this.appointments.findForCaller(company.id, customer.id, {
      appointmentId,
      day,
      timeZone: company.timezone,
      includeCancelled,
    });
    if (rows.length === 0) throw new ToolStop({ kind: 'noAppointment' });
    if (rows.length > 1) throw new ToolStop({ kind: 'whichAppointment', appointments: rows.map(view) });
    return rows[0];
  }
}
