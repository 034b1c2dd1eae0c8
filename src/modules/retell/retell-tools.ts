import { RETELL_FUNCTIONS } from './retell-functions.catalog';

// Where @nestjs/swagger keeps @ApiProperty metadata (its constants are not part of the public entry point).
const PROPERTIES = 'swagger/apiModelProperties';
const PROPERTY_LIST = 'swagger/apiModelPropertiesArray';

interface JsonSchemaProperty {
  type: string;
  description?: string;
  format?: string;
}

/** Retell custom-function definitions, with the JSON-schema parameters read from the argument DTOs themselves. */
export function retellToolDefinitions(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  return Object.entries(RETELL_FUNCTIONS).map(([path, spec]) => ({
    type: 'custom',
    name: path.replace(/-/g, '_'),
    description: spec.description,
    url: `${base}/api/retell/${path}`,
    method: 'POST',
    speak_during_execution: spec.speakDuringExecution,
    speak_after_execution: true,
    parameters: parametersOf(spec.args),
  }));
}

function parametersOf(type: new () => object) {
  const prototype = type.prototype as object;
  const keys = ((Reflect.getMetadata(PROPERTY_LIST, prototype) as string[] | undefined) ?? []).map((key) => key.slice(1));
  const properties: Record<string, JsonSchemaProperty> = {};
  const required: string[] = [];
  for (const key of keys) {
    const meta = Reflect.getMetadata(PROPERTIES, prototype, key) as { description?: string; required?: boolean };
    const designType = Reflect.getMetadata('design:type', prototype, key) as unknown;
    properties[key] = { type: designType === Boolean ? 'boolean' : designType === Number ? 'number' : 'string', description: meta.description };
    if (meta.required !== false) required.push(key);
  }
  return { type: 'object', properties, required };
}
