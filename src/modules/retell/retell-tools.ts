import { RETELL_FUNCTIONS } from './retell-functions.catalog';

// Where @nestjs/swagger keeps @ApiProperty metadata (its constants are not part of the public entry point).
const PROPERTIES = 'swagger/apiModelProperties';
const PROPERTY_LIST = 'swagger/apiModelPropertiesArray';

interface JsonSchemaProperty {
  type: string;
  description?: string;
  format?: string;
}

/**
 * How long Retell waits for an answer, and how often it tries again. Reads answer from cache or one Cal.com request;
 * writes may look a lost booking up before answering. Every write is idempotent per call, so a retry never books
 * twice: two retries are safe everywhere.
 */
const READ = { timeout_ms: 10_000, max_retry: 2 };
const WRITE = { timeout_ms: 20_000, max_retry: 2 };
const WRITES = new Set([
  'collect-customer-info',
  'collect-appointment-data',
  'book-appointment',
  'cancel-appointment',
  'reschedule-appointment',
]);

/** Retell's system dynamic variables, passed in the URL when the body holds the arguments only. */
const ARGS_ONLY_QUERY =
  'call_id={{call_id}}&direction={{direction}}&user_number={{user_number}}&agent_number={{agent_number}}';

/**
 * Retell custom-function definitions, with the JSON-schema parameters read from the argument DTOs themselves.
 * `argsOnly`: Retell posts the bare arguments (`args_at_root`), and the call context travels in the URL.
 */
export function retellToolDefinitions(baseUrl: string, options: { argsOnly?: boolean } = {}) {
  const base = baseUrl.replace(/\/+$/, '');
  return Object.entries(RETELL_FUNCTIONS).map(([path, spec]) => ({
    type: 'custom',
    name: path.replace(/-/g, '_'),
    description: spec.description,
    url: `${base}/api/retell/${path}${options.argsOnly ? `?${ARGS_ONLY_QUERY}` : ''}`,
    method: 'POST',
    args_at_root: options.argsOnly === true,
    ...(WRITES.has(path) ? WRITE : READ),
    speak_during_execution: spec.speakDuringExecution,
    speak_after_execution: true,
    parameters: parametersOf(spec.args),
  }));
}

function parametersOf(type: new () => object) {
  const prototype = type.prototype as object;
  const keys = ((Reflect.getMetadata(PROPERTY_LIST, prototype) as string[] | undefined) ?? []).map((key) =>
    key.slice(1),
  );
  const properties: Record<string, JsonSchemaProperty> = {};
  const required: string[] = [];
  for (const key of keys) {
    const meta = Reflect.getMetadata(PROPERTIES, prototype, key) as { description?: string; required?: boolean };
    const designType = Reflect.getMetadata('design:type', prototype, key) as unknown;
    properties[key] = {
      type: designType === Boolean ? 'boolean' : designType === Number ? 'number' : 'string',
      description: meta.description,
    };
    if (meta.required !== false) required.push(key);
  }
  return { type: 'object', properties, required };
}
