import request from 'supertest';
import type { TestApp } from './test-app';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  nullable?: boolean;
  additionalProperties?: unknown;
};
export interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

export async function openApiDoc(t: TestApp): Promise<OpenApiDoc> {
  return (await request(t.server).get('/docs/openapi.json').expect(200)).body as OpenApiDoc;
}

/** The documented schema of a route's answer, e.g. `responseSchema(doc, 'get', '/api/admin/calls/{id}', 200)`. */
export function responseSchema(doc: OpenApiDoc, method: string, path: string, status: number): Schema {
  const schema = doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no ${status} JSON body`);
  return schema;
}

/**
 * Every difference between a JSON value and its OpenAPI schema, as paths: a property the schema does not declare (an
 * entity field leaking), a required one missing, or an object where the schema wants something else.
 */
export function schemaMismatches(doc: OpenApiDoc, schema: Schema, value: unknown, at = '$'): string[] {
  const resolved = resolve(doc, schema);
  if (value === null) return resolved.nullable ? [] : [`${at}: null where the schema does not allow it`];
  if (resolved.type === 'array' && resolved.items) {
    if (!Array.isArray(value)) return [`${at}: not an array`];
    return value.flatMap((item, index) => schemaMismatches(doc, resolved.items!, item, `${at}[${index}]`));
  }
  if (!resolved.properties) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
  const record = value as Record<string, unknown>;
  const undeclared = Object.keys(record)
    .filter((key) => !(key in resolved.properties!))
    .map((key) => `${at}.${key}: not in the schema`);
  const missing = (resolved.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`);
  const nested = Object.entries(resolved.properties)
    .filter(([key]) => key in record)
    .flatMap(([key, property]) => schemaMismatches(doc, property, record[key], `${at}.${key}`));
  return [...undeclared, ...missing, ...nested];
}

function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map((part) => resolve(doc, part));
  return {
    nullable: schema.nullable ?? parts.some((part) => part.nullable),
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => part.required ?? []),
  };
}
