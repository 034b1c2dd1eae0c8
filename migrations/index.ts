import { InitialSchema1764442800000 } from './1764442800000-InitialSchema';
import { UncertainAppointments1764529200000 } from './1764529200000-UncertainAppointments';
import { CompanyDateOrder1764615600000 } from './1764615600000-CompanyDateOrder';
import { RetellEdges1764702000000 } from './1764702000000-RetellEdges';
import { TranscriptCompression1764788400000 } from './1764788400000-TranscriptCompression';
import { CompanyAccounts1764874800000 } from './1764874800000-CompanyAccounts';
import { CallEventsStoredDone1764961200000 } from './1764961200000-CallEventsStoredDone';
import { CalcomWebhooks1765047600000 } from './1765047600000-CalcomWebhooks';
import { SlotHolds1765134000000 } from './1765134000000-SlotHolds';
import { Reminders1765220400000 } from './1765220400000-Reminders';
import { FunctionCalls1765306800000 } from './1765306800000-FunctionCalls';
import { ViewerTokens1765393200000 } from './1765393200000-ViewerTokens';
import { ConsoleReads1765479600000 } from './1765479600000-ConsoleReads';

/** Every migration, in order. Listed explicitly so the app, the CLI and the tests load the same set, built or not. */
export const migrations = [
  InitialSchema1764442800000,
  UncertainAppointments1764529200000,
  CompanyDateOrder1764615600000,
  RetellEdges1764702000000,
  TranscriptCompression1764788400000,
  CompanyAccounts1764874800000,
  CallEventsStoredDone1764961200000,
  CalcomWebhooks1765047600000,
  SlotHolds1765134000000,
  Reminders1765220400000,
  FunctionCalls1765306800000,
  ViewerTokens1765393200000,
  ConsoleReads1765479600000,
];
