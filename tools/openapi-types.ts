/**
 * TypeScript types for the console from the gateway's OpenAPI document (`/docs/openapi.json`): one interface per
 * component schema, and `AdminGet`, the answer of each GET route under /api/admin. The console is typed against these;
 * a test regenerates them and fails when the committed file is stale (`UPDATE_CONSOLE_TYPES=1` rewrites it).
 */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
}

interface Doc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const name = (ref: string) => ref.split('/').at(-1)!;

function typeOf(schema: Schema | undefined, indent = ''): string {
  if (!schema) return 'unknown';
  const base = baseType(schema, indent);
  return schema.nullable ? `${base} | null` : base;
}

function baseType(schema: Schema, indent: string): string {
  if (schema.$ref) return name(schema.$ref);
  if (schema.allOf?.length === 1) return typeOf(schema.allOf[0], indent);
  if (schema.oneOf) return schema.oneOf.map((part) => typeOf(part, indent)).join(' | ');
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.type === 'array') return `Array<${typeOf(schema.items, indent)}>`;
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'string') return 'string';
  if (schema.properties) return objectType(schema, indent);
  if (schema.type === 'object' && schema.additionalProperties && schema.additionalProperties !== true)
    return `Record<string, ${typeOf(schema.additionalProperties, indent)}>`;
  return schema.type === 'object' ? 'Record<string, unknown>' : 'unknown';
}

function objectType(schema: Schema, indent: string): string {
  const inner = `${indent}  `;
  const lines = Object.entries(schema.properties ?? {}).map(([key, value]) => {
    const optional = schema.required?.includes(key) ? '' : '?';
    return `${inner}${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}${optional}: ${typeOf(value, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

export function openApiTypes(doc: Doc): string {
  const schemas = Object.entries(doc.components.schemas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, schema]) => `export type ${key} = ${typeOf(schema)};`);
  const gets = Object.entries(doc.paths)
    .filter(([path, methods]) => path.startsWith('/api/admin') && methods.get)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, methods]) => {
      const schema = methods.get.responses?.['200']?.content?.['application/json']?.schema;
      return `  ${JSON.stringify(path)}: ${typeOf(schema, '  ')};`;
    });
  return [
    '// Generated from /docs/openapi.json by tools/openapi-types.ts; do not edit (UPDATE_CONSOLE_TYPES=1 npm test).',
    '/* eslint-disable */',
    ...schemas,
    '',
    '/** The answer of each GET route of the admin API. */',
    `export interface AdminGet {\n${gets.join('\n')}\n}`,
    '',
  ].join('\n');
}
