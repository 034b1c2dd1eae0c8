import { ToolKey, toolName, TOOLS, toolWrites } from '../agent-tools/agent-tools.catalog';
import { inputSchemaOf } from '../agent-tools/tool-schema';

/**
 * How long Retell waits for an answer, and how often it tries again. Reads answer from cache or one Cal.com request;
 * writes may look a lost booking up before answering. Every write is idempotent per call, so a retry never books
 * twice: two retries are safe everywhere.
 */
const READ = { timeout_ms: 10_000, max_retry: 2 };
const WRITE = { timeout_ms: 20_000, max_retry: 2 };

/** Retell's system dynamic variables, passed in the URL when the body holds the arguments only. */
const ARGS_ONLY_QUERY =
  'call_id={{call_id}}&direction={{direction}}&user_number={{user_number}}&agent_number={{agent_number}}';

/**
 * Retell custom-function definitions, with the JSON-schema parameters read from the argument DTOs themselves.
 * `argsOnly`: Retell posts the bare arguments (`args_at_root`), and the call context travels in the URL.
 */
export function retellToolDefinitions(baseUrl: string, options: { argsOnly?: boolean } = {}) {
  const base = baseUrl.replace(/\/+$/, '');
  return (Object.keys(TOOLS) as ToolKey[]).map((path) => ({
    type: 'custom',
    name: toolName(path),
    description: TOOLS[path].description,
    url: `${base}/api/retell/${path}${options.argsOnly ? `?${ARGS_ONLY_QUERY}` : ''}`,
    method: 'POST',
    args_at_root: options.argsOnly === true,
    ...(toolWrites(path) ? WRITE : READ),
    speak_during_execution: TOOLS[path].speakDuringExecution,
    speak_after_execution: true,
    parameters: inputSchemaOf(TOOLS[path].args),
  }));
}
