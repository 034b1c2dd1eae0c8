import { Injectable } from '@nestjs/common';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { DomainError } from '../../common/domain-error';
import type { AgentPrincipal } from '../access/principal';
import { ToolKey, toolKeyOf, toolName, TOOLS, toolWrites } from '../agent-tools/agent-tools.catalog';
import { AgentToolsService } from '../agent-tools/agent-tools.service';
import { CallContextService } from '../agent-tools/call-context.service';
import { render } from '../agent-tools/speech/render';
import { inputSchemaOf } from '../agent-tools/tool-schema';
import { mcpSdk } from './mcp-sdk';
import type { CallInfo } from '../agent-tools/tool-context';

/** The catalog as MCP `tools/list` gives it: the same names, descriptions and argument schemas as Retell's. */
export const MCP_TOOLS: Tool[] = (Object.keys(TOOLS) as ToolKey[]).map((key) => ({
  name: toolName(key),
  description: TOOLS[key].description,
  inputSchema: inputSchemaOf(TOOLS[key].args),
  annotations: { readOnlyHint: !toolWrites(key), idempotentHint: true, openWorldHint: false },
}));

/** One `tools/call`: the call context from the request's headers and query, the tool, the sentence and the result. */
@Injectable()
export class McpToolsService {
  constructor(
    private readonly contexts: CallContextService,
    private readonly tools: AgentToolsService,
  ) {}

  async call(name: string, args: unknown, call: CallInfo, principal: AgentPrincipal): Promise<CallToolResult> {
    const { McpError, ErrorCode } = mcpSdk();
    const key = toolKeyOf(name);
    if (!key) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    try {
      const context = await this.contexts.resolve(call, principal, TOOLS[key].needsCaller);
      if (!context.company) throw new McpError(ErrorCode.InvalidRequest, 'The token names no configured company');
      const result = await this.tools.run(key, { ...context, company: context.company }, args ?? {}, 'mcp');
      const answer = render(result, context.company);
      return {
        content: [{ type: 'text', text: answer.message }],
        structuredContent: JSON.parse(JSON.stringify(result)) as Record<string, unknown>,
        // A business outcome (a taken slot, a question back) is an answer; only a failure is an error.
        isError: result.kind === 'failed',
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'FORBIDDEN')
        throw new McpError(ErrorCode.InvalidRequest, error.message);
      throw error;
    }
  }
}
