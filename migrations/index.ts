import { InitialSchema1764442800000 } from './1764442800000-InitialSchema';

/** Every migration, in order. Listed explicitly so the app, the CLI and the tests load the same set, built or not. */
export const migrations = [InitialSchema1764442800000];
