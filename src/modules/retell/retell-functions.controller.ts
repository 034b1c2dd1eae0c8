import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RetellAuth } from './retell-auth.decorator';
import type { RetellRequest } from './retell-auth.guard';
import { RetellFunctionsService } from './retell-functions.service';
import { FunctionAnswer } from './speech';

/** The agent's custom functions. Always 200 with `{ success, message, data? }`; auth failures 401, foreign calls 403. */
@RetellAuth()
@Controller('api/retell')
export class RetellFunctionsController {
  constructor(private readonly functions: RetellFunctionsService) {}

  @Post('list-services')
  @HttpCode(200)
  listServices(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('list-services', request);
  }

  @Post('get-branches')
  @HttpCode(200)
  getBranches(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('get-branches', request);
  }

  @Post('check-availability')
  @HttpCode(200)
  checkAvailability(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('check-availability', request);
  }

  @Post('get-alternatives')
  @HttpCode(200)
  getAlternatives(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('get-alternatives', request);
  }

  @Post('collect-customer-info')
  @HttpCode(200)
  collectCustomerInfo(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('collect-customer-info', request);
  }

  @Post('collect-appointment-data')
  @HttpCode(200)
  collectAppointmentData(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('collect-appointment-data', request);
  }

  @Post('book-appointment')
  @HttpCode(200)
  bookAppointment(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('book-appointment', request);
  }

  @Post('cancel-appointment')
  @HttpCode(200)
  cancelAppointment(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('cancel-appointment', request);
  }

  @Post('reschedule-appointment')
  @HttpCode(200)
  rescheduleAppointment(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('reschedule-appointment', request);
  }

  @Post('query-customer-appointments')
  @HttpCode(200)
  queryCustomerAppointments(@Req() request: RetellRequest): Promise<FunctionAnswer> {
    return this.functions.run('query-customer-appointments', request);
  }
}
