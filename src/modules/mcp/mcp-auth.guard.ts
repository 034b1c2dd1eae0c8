import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { RateScope, ScopedRequest } from '../../throttling/rate-scopes';
import { RetellAuthGuard } from '../access/retell-auth.guard';
import { toolKeyOf, TOOLS } from '../agent-tools/agent-tools.catalog';

/**
 * `Authorization: Bearer <function token>`: the token names the company, so MCP clients (a Retell MCP node, Vapi,
 * an LLM framework) need nothing else. Retell does not sign the requests of its MCP nodes (docs.retellai.com
 * build/conversation-flow/mcp-node: custom headers and query parameters only), so no signature is accepted here.
 * A `tools/call` of a tool that books also counts against the booking limit.
 */
@Injectable()
export class McpAuthGuard implements CanActivate {
  constructor(private readonly access: RetellAuthGuard) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ScopedRequest>();
    request.principal = await this.access.principalOf(request, false);
    if (!request.principal) throw new UnauthorizedException('Invalid or missing credentials');
    request.extraRateScopes = bookingScope(request.body);
    return true;
  }
}

function bookingScope(body: unknown): RateScope[] {
  const messages = Array.isArray(body) ? body : [body];
  const books = messages.some((message) => {
    const { method, params } = (message ?? {}) as { method?: unknown; params?: { name?: unknown } };
    const key = method === 'tools/call' && typeof params?.name === 'string' ? toolKeyOf(params.name) : undefined;
    return key !== undefined && TOOLS[key].books;
  });
  return books ? ['booking'] : [];
}
