import {
  BookAppointmentArgs,
  CancelAppointmentArgs,
  CheckAvailabilityArgs,
  CollectAppointmentDataArgs,
  CollectCustomerInfoArgs,
  ConfirmAppointmentArgs,
  GetAlternativesArgs,
  ListServicesArgs,
  NoArgs,
  RescheduleAppointmentArgs,
} from './agent-tools.dto';
import type { RateScope } from '../../throttling/rate-scopes';

/**
 * What a tool may do: read, write (a retry must find what the first try did), or book. Each counts against its face's
 * limit; a write also against the write limit; a tool that can book (whatever its arguments) also against the
 * booking limit.
 */
type ToolAccess = 'read' | 'write' | 'booking';

interface ToolSpec {
  /** The argument DTO: it validates the arguments and is the tool's JSON Schema. */
  args: new () => object;
  description: string;
  /** Whether the agent should say a filler ("one moment…") while waiting: for the calls that reach Cal.com. */
  speakDuringExecution: boolean;
  access: ToolAccess;
  /** Whether it reads the caller (customer) of the call, who may have been linked since: its context is read afresh. */
  needsCaller: boolean;
}

/**
 * Every tool the agent can call, whichever face it comes through: its key (the Retell path under /api/retell; the
 * tool name is the key with underscores), its arguments, and what the LLM is told about it.
 */
export const TOOLS = {
  'list-services': {
    needsCaller: false,
    args: ListServicesArgs,
    access: 'read',
    speakDuringExecution: false,
    description: 'Lists the services the business offers, with their duration, optionally for one branch.',
  },
  'get-branches': {
    needsCaller: false,
    args: NoArgs,
    access: 'read',
    speakDuringExecution: false,
    description: 'Lists the branches with address and opening hours.',
  },
  'check-availability': {
    needsCaller: false,
    args: CheckAvailabilityArgs,
    access: 'read',
    speakDuringExecution: true,
    description:
      'Checks whether a time is free for a service; without a time, lists free times of that day (without a date: today and tomorrow).',
  },
  'get-alternatives': {
    needsCaller: false,
    args: GetAlternativesArgs,
    access: 'read',
    speakDuringExecution: true,
    description: 'Finds up to three free times near the one the caller wanted.',
  },
  'collect-customer-info': {
    needsCaller: false,
    args: CollectCustomerInfoArgs,
    access: 'write',
    speakDuringExecution: false,
    description: "Saves the caller's name and contact details.",
  },
  'collect-appointment-data': {
    needsCaller: true,
    args: CollectAppointmentDataArgs,
    access: 'booking',
    speakDuringExecution: true,
    description:
      'With confirm false, checks the wished appointment and repeats it back; with confirm true (after the caller agreed), books it.',
  },
  'book-appointment': {
    needsCaller: true,
    args: BookAppointmentArgs,
    access: 'booking',
    speakDuringExecution: true,
    description: 'Books an appointment the caller has confirmed.',
  },
  'cancel-appointment': {
    needsCaller: true,
    args: CancelAppointmentArgs,
    access: 'write',
    speakDuringExecution: true,
    description: "Cancels the caller's upcoming appointment (by id or by day).",
  },
  'reschedule-appointment': {
    needsCaller: true,
    args: RescheduleAppointmentArgs,
    access: 'booking',
    speakDuringExecution: true,
    description: "Moves the caller's upcoming appointment to a new day and time.",
  },
  'query-customer-appointments': {
    needsCaller: true,
    args: NoArgs,
    access: 'read',
    speakDuringExecution: false,
    description: "Lists the caller's upcoming appointments.",
  },
  'confirm-appointment': {
    needsCaller: true,
    args: ConfirmAppointmentArgs,
    access: 'write',
    speakDuringExecution: false,
    description: 'Records that the customer will come to their appointment (the yes on a reminder call).',
  },
  'opt-out-of-calls': {
    needsCaller: true,
    args: NoArgs,
    access: 'write',
    speakDuringExecution: false,
    description: 'Records that the customer does not want to be called again (no more reminder calls).',
  },
} as const satisfies Record<string, ToolSpec>;

export type ToolKey = keyof typeof TOOLS;

/** `book-appointment` → `book_appointment`: the name Retell's definitions and MCP's `tools/list` give the LLM. */
export const toolName = (key: ToolKey) => key.replace(/-/g, '_');

const BY_NAME = new Map(Object.keys(TOOLS).map((key) => [toolName(key as ToolKey), key as ToolKey]));

export const toolKeyOf = (name: string): ToolKey | undefined => BY_NAME.get(name);

/** The faces a tool is served on, and the credential each accepts. */
export type ToolFace = 'retell' | 'mcp';
const FACE_AUTH = { retell: 'retell-signature-or-function-token', mcp: 'function-token' } as const;
const ACCESS_SCOPES: Record<ToolAccess, RateScope[]> = { read: [], write: ['write'], booking: ['write', 'booking'] };

/** Whether a tool changes anything (MCP's read-only hint, Retell's longer timeout). */
export const toolWrites = (key: ToolKey) => TOOLS[key].access !== 'read';

/**
 * A tool's route facts on a face, in one place for both faces: its path (Retell) or name (MCP), the credential it
 * takes, and the rate limits it counts against (the face's own, then those of what the tool may do).
 */
export function toolRoute(key: ToolKey, face: ToolFace) {
  return {
    path: face === 'retell' ? `/api/retell/${key}` : '/mcp',
    name: toolName(key),
    auth: FACE_AUTH[face],
    rateScopes: [face, ...ACCESS_SCOPES[TOOLS[key].access]] satisfies RateScope[],
  };
}
