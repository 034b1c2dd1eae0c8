import { Controller, Req, UseFilters } from '@nestjs/common';
import { RetellAuth } from './retell-auth.decorator';
import { RetellFunctionFallbackFilter } from './retell-fallback.filter';
import { RetellFunction } from './retell-function.decorator';
import { RetellDocs } from './retell-functions.docs';
import type { AuthenticatedRequest } from '../access/principal';
import { RetellFunctionsService } from './retell-functions.service';
import { FunctionAnswer } from '../agent-tools/speech/speech';

/** The agent's custom functions. Always 200 with `{ success, message, data? }`; auth failures 401, foreign calls 403. */
@RetellAuth('retell')
@UseFilters(RetellFunctionFallbackFilter)
@RetellDocs('retell functions')
@Controller('api/retell')
export class RetellFunctionsController {
  constructor(private readonly functions: RetellFunctionsService) {}

  @RetellFunction('list-services')
  listServices(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('list-services', request);
  }

  @RetellFunction('get-branches')
  getBranches(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('get-branches', request);
  }

  @RetellFunction('check-availability')
  checkAvailability(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('check-availability', request);
  }

  @RetellFunction('get-alternatives')
  getAlternatives(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('get-alternatives', request);
  }

  @RetellFunction('collect-customer-info')
  collectCustomerInfo(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('collect-customer-info', request);
  }

  @RetellFunction('collect-appointment-data')
  collectAppointmentData(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('collect-appointment-data', request);
  }

  @RetellFunction('book-appointment')
  bookAppointment(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('book-appointment', request);
  }

  @RetellFunction('cancel-appointment')
  cancelAppointment(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('cancel-appointment', request);
  }

  @RetellFunction('reschedule-appointment')
  rescheduleAppointment(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('reschedule-appointment', request);
  }

  @RetellFunction('query-customer-appointments')
  queryCustomerAppointments(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('query-customer-appointments', request);
  }

  @RetellFunction('confirm-appointment')
  confirmAppointment(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('confirm-appointment', request);
  }

  @RetellFunction('opt-out-of-calls')
  optOutOfCalls(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('opt-out-of-calls', request);
  }
}
