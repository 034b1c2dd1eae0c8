import { ExecutionContext, Injectable } from '@nestjs/common';
import type { RateScope, ScopedRequest } from '../../throttling/rate-scopes';
import { FunctionTokenGuard } from '../access/bearer-auth.guard';
import { toolKeyOf, toolRoute } from '../agent-tools/agent-tools.catalog';

/**
 * `Authorization: Bearer <function token>`: the token names the company, so MCP clients (a Retell MCP node, Vapi,
 * an LLM framework) need nothing else. Retell does not sign the requests of its MCP nodes (docs.retellai.com
 * build/conversation-flow/mcp-node: custom headers and query parameters only), so no signature is accepted here.
 * A `tools/call` counts against the limits the catalog names for its tool (write, booking).
 */
@Injectable()
export class McpAuthGuard extends FunctionTokenGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<ScopedRequest>();
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
