import { Controller, Get, Query } from '@nestjs/common';
import { AdminOnly } from '../access/bearer-auth.guard';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { DiagnosticQueryDto } from './diagnostics.dto';
import { DiagnosticService } from './diagnostic.service';
import { DiagnosticReportResponse } from './responses/diagnostic.responses';

/** Retell-side troubleshooting for operators: recent calls and the state of every dependency. Admin only (PII). */
@ApiTags('admin: diagnostics')
@AdminAuth('diagnostic')
@AdminOnly()
@Controller('api/webhooks/retell/diagnostic')
export class DiagnosticController {
  constructor(private readonly diagnostic: DiagnosticService) {}

  @Get()
  @ApiOkResponse({ type: DiagnosticReportResponse })
  report(@Query() query: DiagnosticQueryDto) {
    return this.diagnostic.report(query.limit ?? 20);
  }
}
