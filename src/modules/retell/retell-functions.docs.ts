import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ToolKey, toolName, TOOLS } from '../agent-tools/agent-tools.catalog';
import { inputSchemaOf } from '../agent-tools/tool-schema';

const CALL_SCHEMA = {
  type: 'object',
  description: "Retell's call object; the gateway reads these fields and ignores the rest",
  properties: Object.fromEntries(
    ['call_id', 'agent_id', 'direction', 'from_number', 'to_number', 'call_type'].map((key) => [
      key,
      { type: 'string' },
    ]),
  ),
};

const EXAMPLE_CALL = {
  call_id: 'call_1a2b3c',
  agent_id: 'agent_demo',
  direction: 'inbound',
  from_number: '+4915112345678',
  to_number: '+493000000000',
};

const EXAMPLE_ARGS: Partial<Record<ToolKey, object>> = {
  'check-availability': { service: 'Haarschnitt', date: 'morgen', time: 'halb vier' },
  'get-alternatives': { service: 'Haarschnitt', date: '2026-12-08', time: '10:00' },
  'book-appointment': { service: 'Haarschnitt', date: 'nächsten Dienstag', time: '10 Uhr', name: 'Mia Muster' },
  'reschedule-appointment': { new_date: 'Mittwoch', new_time: '11 Uhr' },
};

const ANSWER = {
  type: 'object',
  required: ['success', 'message'],
  properties: {
    success: { type: 'boolean', description: 'Whether the caller got what they asked for' },
    message: { type: 'string', description: "The sentence the agent says, in the company's language" },
    data: { type: 'object', description: 'Details for the LLM (ISO times, ids, alternatives)' },
  },
  example: {
    success: true,
    message: 'Morgen, Mittwoch, 2. Dezember um 15:30 Uhr ist frei.',
    data: { available: true },
  },
};

/**
 * The OpenAPI description of one function: Retell's default body (`name`, `call`, `args` from the tool's argument
 * DTO) or, in "args only" mode, the bare arguments with the call in the URL; always 200 with a sentence.
 */
export const FunctionDocs = (key: ToolKey) => {
  const args = inputSchemaOf(TOOLS[key].args);
  const example = { name: toolName(key), call: EXAMPLE_CALL, args: EXAMPLE_ARGS[key] ?? {} };
  return applyDecorators(
    ApiOperation({ operationId: toolName(key), summary: TOOLS[key].description }),
    ApiBody({
      schema: {
        oneOf: [
          { type: 'object', required: ['args'], properties: { name: { type: 'string' }, call: CALL_SCHEMA, args } },
          {
            ...args,
            description: '"Payload: args only": the call travels as ?call_id=&direction=&user_number=&agent_number=',
          },
        ],
        example,
      },
    }),
    ApiOkResponse({ description: 'Always 200 for business outcomes: a sentence the agent can say', schema: ANSWER }),
  );
};

/** Both ways Retell (or an operator's test) proves a request: the signature, or a company's function token. */
export const RetellDocs = (tag: string) =>
  applyDecorators(
    ApiTags(tag),
    ApiSecurity('retell-signature'),
    ApiSecurity('function-token'),
    ApiUnauthorizedResponse({ description: 'No valid x-retell-signature and no valid function token' }),
  );
