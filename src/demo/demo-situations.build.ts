import { REASONS, Situation, SituationCall, Words } from './demo-situations.words';

/** A situation, built from the company's words and the days it is dated from. */
export type Build = (
  w: Words,
  day: (weekday: number, weeks?: number) => string,
  later: string,
) => Omit<Situation, 'locale' | 'reason' | 'timed'>;

export const call = (fn: string, args: object, callId = 'main', caller?: string): SituationCall => ({
  fn,
  args,
  call: callId,
  caller,
});
export const RIVAL = '+4915199999999';
export const MOVER = '+4915177777777';
export const NOBODY = '+4915166666666';

export type Entry = [keyof (typeof REASONS)['de'], boolean, Build];
