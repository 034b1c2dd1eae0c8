import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RateScopes } from '../../throttling/rate-scopes';
import { RetellAuth } from './retell-auth.decorator';
import { FunctionDocs, RetellDocs } from './retell-functions.docs';
import type { AuthenticatedRequest } from '../access/principal';
import { RetellFunctionsService } from './retell-functions.service';
import { FunctionAnswer } from '../agent-tools/speech/speech';

/** The agent's custom functions. Always 200 with `{ success, message, data? }`; auth failures 401, foreign calls 403. */
@RetellAuth('retell')
@RetellDocs('retell functions')
@Controller('api/retell')
export class RetellFunctionsController {
  constructor(private readonly functions: RetellFunctionsService) {}

  @Post('list-services')
  @HttpCode(200)
  @FunctionDocs('list-services')
  listServices(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('list-services', request);
  }

  @Post('get-branches')
  @HttpCode(200)
  @FunctionDocs('get-branches')
  getBranches(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('get-branches', request);
  }

  @Post('check-availability')
  @HttpCode(200)
  @FunctionDocs('check-availability')
  checkAvailability(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('check-availability', request);
  }

  @Post('get-alternatives')
  @HttpCode(200)
  @FunctionDocs('get-alternatives')
  getAlternatives(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('get-alternatives', request);
  }

  @Post('collect-customer-info')
  @HttpCode(200)
  @FunctionDocs('collect-customer-info')
  collectCustomerInfo(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('collect-customer-info', request);
  }

  @Post('collect-appointment-data')
  @HttpCode(200)
  @FunctionDocs('collect-appointment-data')
  collectAppointmentData(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('collect-appointment-data', request);
  }

  @Post('book-appointment')
  @HttpCode(200)
  @FunctionDocs('book-appointment')
  @RateScopes('retell', 'booking')
  bookAppointment(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('book-appointment', request);
  }

  @Post('cancel-appointment')
  @HttpCode(200)
  @FunctionDocs('cancel-appointment')
  cancelAppointment(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('cancel-appointment', request);
  }

  @Post('reschedule-appointment')
  @HttpCode(200)
  @FunctionDocs('reschedule-appointment')
  rescheduleAppointment(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('reschedule-appointment', request);
  }

  @Post('query-customer-appointments')
  @HttpCode(200)
  @FunctionDocs('query-customer-appointments')
  queryCustomerAppointments(@Req() request: AuthenticatedRequest): Promise<FunctionAnswer> {
    return this.functions.run('query-customer-appointments', request);
  }
}
