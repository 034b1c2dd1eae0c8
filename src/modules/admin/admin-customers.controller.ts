import { BadRequestException, Controller, Delete, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { toE164 } from '../../common/phone';
import { AdminAuth } from './admin-auth.decorator';
import { CustomersQueryDto, EraseQueryDto } from './diagnostics.dto';
import { DiagnosticsReadService } from './diagnostics-read.service';
import { GdprService } from './gdpr.service';
import { CustomerDetailResponse, CustomerResponse, ErasureReportResponse } from './responses/customer.responses';

@ApiTags('admin: customers')
@AdminAuth()
@Controller('api/admin/customers')
export class AdminCustomersController {
  constructor(
    private readonly reads: DiagnosticsReadService,
    private readonly gdpr: GdprService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [CustomerResponse] })
  list(@Query() query: CustomersQueryDto) {
    return this.reads.listCustomers(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerDetailResponse })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.reads.customer(id);
  }

  /** GDPR erasure of a caller; safe to repeat. `?cancelBookings=true` also cancels their upcoming Cal.com bookings. */
  @Delete('by-phone/:e164')
  @ApiOkResponse({ type: ErasureReportResponse })
  erase(@Param('e164') e164: string, @Query() query: EraseQueryDto) {
    const phone = toE164(e164);
    if (!phone) throw new BadRequestException('e164 must be a phone number in E.164 format');
    return this.gdpr.eraseByPhone(phone, query);
  }
}
