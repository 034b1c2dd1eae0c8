import type { Request } from 'express';

/** The names a call travels under outside a body, as Retell's system dynamic variables fill them. */
export const CALL_FIELDS = [
  'call_id',
  'agent_id',
  'direction',
  'user_number',
  'agent_number',
  'from_number',
  'to_number',
] as const;

export type CallFields = Partial<Record<(typeof CALL_FIELDS)[number], string>>;

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value.slice(0, 255) : undefined);

/**
 * What an HTTP request says of its call outside its body (Retell's "Payload: args only" mode, an MCP server's URL and
 * headers): each field as a query parameter (`call_id`) or a custom header (`x-retell-call-id`), the URL first.
 * docs.retellai.com/build/dynamic-variables: `{{call_id}}`, `{{direction}}`, `{{user_number}}` (the caller),
 * `{{agent_number}}` (the business); `agent_id` has no system variable, so it is put in literally.
 */
export function callFieldsOf(request: Pick<Request, 'query' | 'headers'>): CallFields {
  const query = typeof request.query === 'object' && request.query !== null ? request.query : {};
  const fields: CallFields = {};
  for (const name of CALL_FIELDS) {
    const value =
      text((query as Record<string, unknown>)[name]) ?? text(request.headers[`x-retell-${name.replace(/_/g, '-')}`]);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}
