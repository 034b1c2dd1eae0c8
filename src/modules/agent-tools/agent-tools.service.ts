import { Injectable, Logger, Optional } from '@nestjs/common';
import { MetricsService } from '../../metrics/metrics.service';
import { FunctionCallLog } from '../calls/function-call-log.service';
import { render } from './speech/render';
import { DomainError } from '../../common/domain-error';
import { parseVendorPayload } from '../../common/vendor-payload';
import { ToolKey, TOOLS } from './agent-tools.catalog';
import type { ToolContext } from './tool-context';
import type { ToolResult } from './tool-results';
import { AppointmentToolsService } from './use-cases/appointment-tools.service';
import { AvailabilityToolsService } from './use-cases/availability-tools.service';
import { BookingToolsService } from './use-cases/booking-tools.service';
import { CallerToolsService } from './use-cases/caller-tools.service';
import { CatalogToolsService } from './use-cases/catalog-tools.service';
import { ToolStop } from './use-cases/tool-stop';

type ArgsOf<K extends ToolKey> = InstanceType<(typeof TOOLS)[K]['args']>;
type Handlers = { [K in ToolKey]: (context: ToolContext, args: ArgsOf<K>) => Promise<ToolResult> };

/**
 * Runs one tool for either face: validates its arguments against the tool's DTO, runs its use case and turns every
 * outcome into a typed result. Only an auth decision (`FORBIDDEN`) is thrown on, for the face to refuse.
 */
@Injectable()
export class AgentToolsService {
  private readonly logger = new Logger(AgentToolsService.name);
  private readonly handlers: Handlers;

  constructor(
    catalog: CatalogToolsService,
    callers: CallerToolsService,
    availability: AvailabilityToolsService,
    booking: BookingToolsService,
    appointments: AppointmentToolsService,
    @Optional() private readonly metrics?: MetricsService,
    @Optional() private readonly log?: FunctionCallLog,
  ) {
    this.handlers = {
      'list-services': (context, args) => catalog.listServices(context, args),
      'get-branches': (context) => catalog.getBranches(context),
      'check-availability': (context, args) => availability.checkAvailability(context, args),
      'get-alternatives': (context, args) => availability.getAlternatives(context, args),
      'collect-customer-info': (context, args) => callers.collectCustomerInfo(context, args),
      'collect-appointment-data': (context, args) => booking.collectAppointmentData(context, args),
      'book-appointment': (context, args) => booking.bookAppointment(context, args),
      'cancel-appointment': (context, args) => appointments.cancelAppointment(context, args),
      'reschedule-appointment': (context, args) => appointments.rescheduleAppointment(context, args),
      'query-customer-appointments': (context) => appointments.queryCustomerAppointments(context),
      'confirm-appointment': (context, args) => appointments.confirmAppointment(context, args),
      'opt-out-of-calls': (context) => appointments.optOutOfCalls(context),
    };
  }

  async run<K extends ToolKey>(key: K, context: ToolContext, rawArgs: unknown, face = 'retell'): Promise<ToolResult> {
    const started = performance.now();
    const stop = this.metrics?.toolDuration.startTimer({ tool: key, face });
    const validated: { args: object | null } = { args: null };
    const result = await this.execute(key, context, rawArgs, validated).catch((error: unknown) => {
      stop?.({ outcome: 'refused' });
      throw error;
    });
    const outcome = result.kind === 'failed' ? `failed:${result.code}` : result.kind;
    stop?.({ outcome });
    if (this.log) {
      const answer = render(result, context.company);
      const durationMs = performance.now() - started;
      const entry = { companyId: context.company.id, callId: context.callId, tool: key, face, outcome, durationMs };
      this.log.record({ ...entry, args: validated.args, success: answer.success, answer: answer.message });
    }
    return result;
  }

  private async execute<K extends ToolKey>(
    key: K,
    context: ToolContext,
    rawArgs: unknown,
    validated: { args: object | null },
  ): Promise<ToolResult> {
    try {
      const parsed = await parseVendorPayload(TOOLS[key].args, rawArgs);
      if (!parsed.ok) return unparsed(parsed.fields, rawArgs);
      validated.args = parsed.value as object;
      return await this.handlers[key](context, parsed.value as ArgsOf<K>);
    } catch (error) {
      return this.failure(key, error);
    }
  }

  private failure(key: ToolKey, error: unknown): ToolResult {
    if (error instanceof ToolStop) return error.result;
    if (error instanceof DomainError && error.code === 'FORBIDDEN') throw error;
    if (error instanceof DomainError) return { kind: 'failed', code: error.code };
    this.logger.error({ tool: key, error: (error as Error).message }, 'Tool failed');
    return { kind: 'failed', code: 'INTERNAL' };
  }
}

/**
 * Arguments that did not validate: an e-mail address that was said but cannot be one is asked to be spelt (once the
 * rest is there); anything else is asked for by name.
 */
function unparsed(fields: string[], rawArgs: unknown): ToolResult {
  const email = (rawArgs as { email?: unknown } | null)?.email;
  const saidEmail = fields.includes('email') && typeof email === 'string' && email.trim() !== '';
  const others = saidEmail ? fields.filter((field) => field !== 'email') : fields;
  return others.length === 0 ? { kind: 'unreadEmail' } : { kind: 'missingArguments', fields: others };
}
