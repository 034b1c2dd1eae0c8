import { Controller, Get, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { assertVisible, viewerCompany } from '../access/bearer-auth.guard';
import type { AuthenticatedRequest } from '../access/principal';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppointmentRecordsService } from '../appointments/appointment-records.service';
import { AdminAuth } from './admin-auth.decorator';
import { CallsQueryDto } from './diagnostics.dto';
import { AppointmentDetailResponse, AppointmentResponse } from './responses/appointment.responses';

@ApiTags('admin: appointments')
@AdminAuth()
@Controller('api/admin/appointments')
export class AdminAppointmentsController {
  constructor(private readonly appointments: AppointmentRecordsService) {}

  /** Each appointment once, as it stands now, latest start first. */
  @Get()
  @ApiOkResponse({ type: [AppointmentResponse] })
  async list(@Query() query: CallsQueryDto, @Req() request: AuthenticatedRequest): Promise<AppointmentResponse[]> {
    const companyId = viewerCompany(request) ?? query.companyId;
    return (await this.appointments.list({ ...query, companyId })).map(AppointmentResponse.of);
  }

  /** By its stable id: the uids it took and every change, with where it came from (call, webhook, reconciliation). */
  @Get(':id')
  @ApiOkResponse({ type: AppointmentDetailResponse })
  async get(@Param('id', ParseUUIDPipe) id: string, @Req() request: AuthenticatedRequest) {
    const detail = AppointmentDetailResponse.ofRecord(await this.appointments.detail(id));
    assertVisible(request, detail.companyId);
    return detail;
  }
}
