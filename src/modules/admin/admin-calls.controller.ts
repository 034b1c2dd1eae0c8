import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { CallsQueryDto } from './diagnostics.dto';
import { DiagnosticsReadService } from './diagnostics-read.service';
import { CallDetailResponse, CallSummaryResponse } from './responses/call.responses';

@ApiTags('admin: calls')
@AdminAuth()
@Controller('api/admin/calls')
export class AdminCallsController {
  constructor(private readonly reads: DiagnosticsReadService) {}

  @Get()
  @ApiOkResponse({ type: [CallSummaryResponse] })
  list(@Query() query: CallsQueryDto) {
    return this.reads.recentCalls(query);
  }

  /** With transcript, analysis, cost breakdown, events and the appointments made in the call. */
  @Get(':id')
  @ApiOkResponse({ type: CallDetailResponse })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.reads.call(id);
  }
}
