import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/domain-error';
import { toE164 } from '../../../common/phone';
import type { Attendee } from '../../appointments/appointments.types';
import { CallsService } from '../../calls/calls.service';
import type { Customer } from '../../tenants/customer.entity';
import { CustomersService } from '../../tenants/customers.service';
import type { BookAppointmentArgs, CollectCustomerInfoArgs } from '../agent-tools.dto';
import type { ToolContext } from '../tool-context';
import type { ToolResult } from '../tool-results';
import { ToolStop } from './tool-stop';

interface CallerDetails {
  name: string;
  phone?: string;
  email?: string | null;
}

/** Who is calling: saving the caller as a customer of the company, and the attendee of a booking. */
@Injectable()
export class CallerToolsService {
  constructor(
    private readonly customers: CustomersService,
    private readonly calls: CallsService,
  ) {}

  async collectCustomerInfo(context: ToolContext, args: CollectCustomerInfoArgs): Promise<ToolResult> {
    const customer = await this.rememberCaller(context, args);
    return { kind: 'customerSaved', customerId: customer.id, name: args.name };
  }

  /** The attendee of a booking: the caller saved as a customer, who must be reachable by phone or e-mail. */
  async attendee(context: ToolContext, args: BookAppointmentArgs): Promise<Attendee> {
    const email = args.email ?? context.customer?.email ?? null;
    const customer = await this.rememberCaller(context, { name: args.name, phone: args.phone, email }, true);
    return { customerId: customer.id, name: args.name, email, phone: customer.phoneE164 };
  }

  /**
   * Saves the caller as a customer of this company (a given phone number, else the number calling) and links the
   * call to them. Stops when a given number is unreadable, or when contact details are required and there are none.
   */
  async rememberCaller(context: ToolContext, details: CallerDetails, requireContact = false): Promise<Customer> {
    const { company } = context;
    const phone = details.phone ? toE164(details.phone) : context.callerNumber;
    if (details.phone && !phone) throw new ToolStop({ kind: 'unreadPhone' });
    if (requireContact && !phone && !details.email)
      throw new DomainError('CONTACT_REQUIRED', 'A phone number or e-mail address is needed');
    const customer = await this.customers.upsert(company.id, { name: details.name, phone, email: details.email });
    if (context.callId) await this.calls.attachCustomer(context.callId, customer.id);
    return customer;
  }
}
