import {
  BookAppointmentArgs,
  CancelAppointmentArgs,
  CheckAvailabilityArgs,
  CollectAppointmentDataArgs,
  CollectCustomerInfoArgs,
  GetAlternativesArgs,
  ListServicesArgs,
  NoArgs,
  RescheduleAppointmentArgs,
} from './retell-functions.dto';
import type { RetellCalendarSkillsService } from './retell-calendar-skills.service';
import type { RetellSkillsService } from './retell-skills.service';

interface FunctionSpec {
  args: new () => object;
  skill: keyof RetellSkillsService | keyof RetellCalendarSkillsService;
  description: string;
  /** Whether the agent should say a filler ("one moment…") while waiting: for the calls that reach Cal.com. */
  speakDuringExecution: boolean;
}

/** Every Retell function: its path under /api/retell, its arguments and what the LLM is told about it. */
export const RETELL_FUNCTIONS = {
  'list-services': {
    args: ListServicesArgs,
    skill: 'listServices',
    speakDuringExecution: false,
    description: 'Lists the services the business offers, with their duration, optionally for one branch.',
  },
  'get-branches': {
    args: NoArgs,
    skill: 'getBranches',
    speakDuringExecution: false,
    description: 'Lists the branches with address and opening hours.',
  },
  'check-availability': {
    args: CheckAvailabilityArgs,
    skill: 'checkAvailability',
    speakDuringExecution: true,
    description:
      'Checks whether a time is free for a service; without a time, lists free times of that day (without a date: today and tomorrow).',
  },
  'get-alternatives': {
    args: GetAlternativesArgs,
    skill: 'getAlternatives',
    speakDuringExecution: true,
    description: 'Finds up to three free times near the one the caller wanted.',
  },
  'collect-customer-info': {
    args: CollectCustomerInfoArgs,
    skill: 'collectCustomerInfo',
    speakDuringExecution: false,
    description: "Saves the caller's name and contact details.",
  },
  'collect-appointment-data': {
    args: CollectAppointmentDataArgs,
    skill: 'collectAppointmentData',
    speakDuringExecution: true,
    description:
      'With confirm false, checks the wished appointment and repeats it back; with confirm true (after the caller agreed), books it.',
  },
  'book-appointment': {
    args: BookAppointmentArgs,
    skill: 'bookAppointment',
    speakDuringExecution: true,
    description: 'Books an appointment the caller has confirmed.',
  },
  'cancel-appointment': {
    args: CancelAppointmentArgs,
    skill: 'cancelAppointment',
    speakDuringExecution: true,
    description: "Cancels the caller's upcoming appointment (by id or by day).",
  },
  'reschedule-appointment': {
    args: RescheduleAppointmentArgs,
    skill: 'rescheduleAppointment',
    speakDuringExecution: true,
    description: "Moves the caller's upcoming appointment to a new day and time.",
  },
  'query-customer-appointments': {
    args: NoArgs,
    skill: 'queryCustomerAppointments',
    speakDuringExecution: false,
    description: "Lists the caller's upcoming appointments.",
  },
} as const satisfies Record<string, FunctionSpec>;

export type RetellFunctionName = keyof typeof RETELL_FUNCTIONS;
