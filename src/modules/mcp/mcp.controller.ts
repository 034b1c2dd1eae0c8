import { Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Response } from 'express';
import { GatewayThrottlerGuard } from '../../throttling/gateway-throttler.guard';
import { RateScopes, ScopedRequest } from '../../throttling/rate-scopes';
import type { AgentPrincipal } from '../access/principal';
import { callFieldsOf } from '../../common/call-fields';
import { callInfoOf } from '../agent-tools/call-info';
import { McpAuthGuard } from './mcp-auth.guard';
import { mcpSdk } from './mcp-sdk';
import { MCP_TOOLS, McpToolsService } from './mcp-tools.service';

const SERVER_INFO = { name: 'voice-booking-gateway', version: '0.1.0' };

/**
 * The MCP face: Streamable HTTP at `/mcp`, stateless (every POST carries its own auth and call context, so any
 * instance can answer it), JSON answers. The call comes from the URL or headers (`call_id`, `user_number`,
 * `agent_number`, … or `x-retell-call-id`, …), so a Retell MCP node passes it through dynamic variables.
 */
@ApiTags('mcp')
@ApiBearerAuth('function-token')
@UseGuards(McpAuthGuard, GatewayThrottlerGuard)
@RateScopes('mcp')
@Controller('mcp')
export class McpController {
  constructor(private readonly tools: McpToolsService) {}

  @Post()
  @ApiOperation({ summary: 'MCP Streamable HTTP (stateless, JSON answers): initialize, tools/list, tools/call' })
  @ApiBody({
    schema: {
      type: 'object',
      description: 'A JSON-RPC 2.0 message of the Model Context Protocol',
      example: {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'check_availability', arguments: { service: 'Haarschnitt', date: 'morgen' } },
      },
    },
  })
  async handle(@Req() request: ScopedRequest, @Res() response: Response): Promise<void> {
    const server = this.serverFor(request);
    const transport = new (mcpSdk().StreamableHTTPServerTransport)({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    response.on('close', () => void transport.close().then(() => server.close()));
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  }

  /** No sessions and no server-sent stream: GET (a stream) and DELETE (a session's end) have nothing to serve. */
  @Get()
  @Delete()
  @HttpCode(405)
  other(@Res({ passthrough: true }) response: Response) {
    response.setHeader('Allow', 'POST');
    return {
      jsonrpc: '2.0',
      error: { code: -32000, message: 'Method not allowed: POST only (stateless server)' },
      id: null,
    };
  }

  private serverFor(request: ScopedRequest): Server {
    const { Server, ListToolsRequestSchema, CallToolRequestSchema } = mcpSdk();
    const server = new Server(SERVER_INFO, { capabilities: { tools: { listChanged: false } } });
    const call = callInfoOf(callFieldsOf(request));
    const principal = request.principal as AgentPrincipal;
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: MCP_TOOLS }));
    server.setRequestHandler(CallToolRequestSchema, ({ params }) =>
      this.tools.call(params.name, params.arguments, call, principal),
    );
    return server;
  }
}
