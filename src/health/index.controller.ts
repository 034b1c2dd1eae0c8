import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TOOLS } from '../modules/agent-tools/agent-tools.catalog';

/** `GET /`: where things are, for a person (or a script) that found the port. */
const INDEX = {
  name: 'voice-booking-gateway',
  description: 'Retell AI functions, webhooks and MCP tools over Cal.com, for many businesses',
  docs: '/docs',
  openapi: '/docs/openapi.json',
  health: { live: '/health/live', ready: '/health/ready' },
  metrics: '/metrics',
  mcp: '/mcp',
  retell: {
    functions: Object.keys(TOOLS).map((key) => `/api/retell/${key}`),
    webhook: '/api/webhooks/retell',
    inbound: '/api/webhooks/retell/inbound',
  },
  admin: '/api/admin',
};

@ApiTags('ops')
@Controller()
export class IndexController {
  @Get()
  @ApiOkResponse({ description: 'Where the docs, probes and endpoints are' })
  index() {
    return INDEX;
  }
}
