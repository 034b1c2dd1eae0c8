// Where @nestjs/swagger keeps @ApiProperty metadata (its constants are not part of the public entry point).
const PROPERTIES = 'swagger/apiModelProperties';
const PROPERTY_LIST = 'swagger/apiModelPropertiesArray';

type JsonSchemaProperty = {
  type: string;
  description?: string;
};

export type ToolInputSchema = {
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required: string[];
};

/**
 * The JSON Schema of a tool's arguments, read from its argument DTO (the `@ApiProperty` descriptions and the
 * property types): one source for Retell's tool definitions, MCP's `tools/list` and the OpenAPI document.
 */
export function inputSchemaOf(type: new () => object): ToolInputSchema {
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
