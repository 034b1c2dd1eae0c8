/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see below */
type ServerModule = typeof import('@modelcontextprotocol/sdk/server/index.js');
type TransportModule = typeof import('@modelcontextprotocol/sdk/server/streamableHttp.js');
type TypesModule = typeof import('@modelcontextprotocol/sdk/types.js');

export type McpSdk = Pick<ServerModule, 'Server'> &
  Pick<TransportModule, 'StreamableHTTPServerTransport'> &
  Pick<TypesModule, 'CallToolRequestSchema' | 'ListToolsRequestSchema' | 'McpError' | 'ErrorCode'>;

let loaded: McpSdk | undefined;

/**
 * The MCP SDK, loaded on the first MCP request rather than at start: its zod schemas take about 150 ms to load, a
 * tenth of the gateway's start, for a face many deployments never use.
 */
export function mcpSdk(): McpSdk {
  if (loaded) return loaded;
  const { Server } = require('@modelcontextprotocol/sdk/server/index.js') as ServerModule;
  const { StreamableHTTPServerTransport } =
    require('@modelcontextprotocol/sdk/server/streamableHttp.js') as TransportModule;
  const { CallToolRequestSchema, ListToolsRequestSchema, McpError, ErrorCode } =
    require('@modelcontextprotocol/sdk/types.js') as TypesModule;
  loaded = {
    Server,
    StreamableHTTPServerTransport,
    CallToolRequestSchema,
    ListToolsRequestSchema,
    McpError,
    ErrorCode,
  };
  return loaded;
}
