import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { TestApp } from './test-app';

/** The base URL of a listening test app. */
export function baseUrl(t: TestApp): string {
  const address = t.server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/** The MCP SDK's own client on `/mcp`, with a bearer token and the call passed as query parameters. */
export async function mcpClient(t: TestApp, token: string | null, query: Record<string, string> = {}): Promise<Client> {
  const url = new URL('/mcp', baseUrl(t));
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const client = new Client({ name: 'gateway-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}
