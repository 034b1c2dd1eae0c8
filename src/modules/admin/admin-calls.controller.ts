import { Controller, Get, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { assertVisible, viewerCompany } from '../access/bearer-auth.guard';
import type { AuthenticatedRequest } from '../access/principal';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { CallsSearchDto } from './calls-search.dto';
import { DiagnosticsReadService } from './diagnostics-read.service';
import { CallDetailResponse, CallSummaryResponse } from './responses/call.responses';

@ApiTags('admin: calls')
@AdminAuth()
@Controller('api/admin/calls')
export class AdminCallsController {
  constructor(private readonly reads: DiagnosticsReadService) {}

  /** Newest first, filtered; page by offset, or by key with the last row's `createdAt` and `id`. */
  @Get()
  @ApiOkResponse({ type: [CallSummaryResponse] })
  list(@Query() query: CallsSearchDto, @Req() request: AuthenticatedRequest) {
    return this.reads.recentCalls({ ...query, companyId: viewerCompany(request) ?? query.companyId });
  }

  /** With transcript, analysis, cost breakdown, events and the appointments made in the call. */
  @Get(':id')
  @ApiOkResponse({ type: CallDetailResponse })
  async get(@Param('id', ParseUUIDPipe) id: string, @Req() request: AuthenticatedRequest) {
    const call = await this.reads.call(id);
    assertVisible(request, call.company?.id);
    return call;
  }
}
