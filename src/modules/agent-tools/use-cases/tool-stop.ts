import type { ToolResult } from '../tool-results';

/**
 * Ends a tool early with a result the caller must hear (an unknown service, a date to ask again): thrown by the
 * shared steps so a use case reads straight through, and turned back into the tool's result by `AgentToolsService`.
 */
export class ToolStop extends Error {
  constructor(readonly result: ToolResult) {
    super(result.kind);
    this.name = 'ToolStop';
  }
}
