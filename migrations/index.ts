import { InitialSchema1764442800000 } from './1764442800000-InitialSchema';
import { UncertainAppointments1764529200000 } from './1764529200000-UncertainAppointments';

/** Every migration, in order. Listed explicitly so the app, the CLI and the tests load the same set, built or not. */
export const migrations = [InitialSchema1764442800000, UncertainAppointments1764529200000];
