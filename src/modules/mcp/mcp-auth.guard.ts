import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { RateScope, ScopedRequest } from '../../throttling/rate-scopes';
import { ApiTokensService } from '../access/api-tokens.service';
import { functionTokenPrincipal } from '../access/function-token';
import { toolKeyOf, toolRoute } from '../agent-tools/agent-tools.catalog';

/**
 * `Authorization: Bearer <function token>`: the token names the company, so MCP clients (a Retell MCP node, Vapi,
 * an LLM framework) need nothing else. Retell does not sign the requests of its MCP nodes (docs.retellai.com
 * build/conversation-flow/mcp-node: custom headers and query parameters only), so no signature is accepted here.
 * A `tools/call` counts against the limits the catalog names for its tool (write, booking).
 */
@Injectable()
export class McpAuthGuard implements CanActivate {
  constructor(private readonly tokens: ApiTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ScopedRequest>();
    request.principal = await functionTokenPrincipal(this.tokens, request);
    if (!request.principal) throw new UnauthorizedException('Invalid or missing credentials');
    request.extraRateScopes = toolScopes(request.body);
    return true;
  }
}

/** The limits of every tool a message (or a batch of them) calls, beyond MCP's own. */
function toolScopes(body: unknown): RateScope[] {
  const messages = Array.isArray(body) ? body : [body];
  const scopes = messages.flatMap((message) => {
    const { method, params } = (message ?? {}) as { method?: unknown; params?: { name?: unknown } };
    const key = method === 'tools/call' && typeof params?.name === 'string' ? toolKeyOf(params.name) : undefined;
    return key ? toolRoute(key, 'mcp').rateScopes : [];
  });
  return [...new Set(scopes)];
}
