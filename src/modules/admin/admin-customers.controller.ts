import { BadRequestException, Controller, Delete, Get, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { assertVisible, viewerCompany } from '../access/bearer-auth.guard';
import type { AuthenticatedRequest } from '../access/principal';
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
  list(@Query() query: CustomersQueryDto, @Req() request: AuthenticatedRequest) {
    return this.reads.listCustomers({ ...query, companyId: viewerCompany(request) ?? query.companyId });
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerDetailResponse })
  async get(@Param('id', ParseUUIDPipe) id: string, @Req() request: AuthenticatedRequest) {
    const customer = await this.reads.customer(id);
    assertVisible(request, customer.companyId);
    return customer;
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
