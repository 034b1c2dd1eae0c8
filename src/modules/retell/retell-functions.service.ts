import { Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../access/principal';
import type { AgentPrincipal } from '../access/principal';
import { ToolKey, TOOLS } from '../agent-tools/agent-tools.catalog';
import { AgentToolsService } from '../agent-tools/agent-tools.service';
import { CallContextService } from '../agent-tools/call-context.service';
import { render } from '../agent-tools/speech/render';
import { fail, FunctionAnswer } from '../agent-tools/speech/speech';
import { callFromRequest } from './retell-call-info';

/**
 * The Retell face of the tools: either body shape in, the call context from Retell's call object (or the URL and
 * headers), a sentence out. The guard proved which company the request acts for; a call of another company is a 403
 * (`FORBIDDEN`), and nothing of that company is read.
 */
@Injectable()
export class RetellFunctionsService {
  constructor(
    private readonly contexts: CallContextService,
    private readonly tools: AgentToolsService,
  ) {}

  async run(key: ToolKey, request: AuthenticatedRequest): Promise<FunctionAnswer> {
    const { call, args } = callFromRequest(request);
    const principal = request.principal as AgentPrincipal;
    const context = await this.contexts.resolve(call, principal, TOOLS[key].needsCaller);
    if (!context.company) return fail('de', 'NOT_CONFIGURED');
    const result = await this.tools.run(key, { ...context, company: context.company }, args);
    return render(result, context.company);
  }
}
