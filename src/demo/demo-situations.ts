import { DemoTarget, signedPost } from './demo-call';
import { Situation, SituationCall, SITUATION_LINES, situations } from './demo-situations.table';

/** What a situation's answer was, and which rules of a good receptionist it broke (none, ideally). */
export interface SituationAnswer {
  situation: Situation;
  status: number;
  message: string;
  data: unknown;
  broken: string[];
}

const DEMO_CALLER = '+4915112345678';
const WEEKDAYS = {
  de: /\b(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b/,
  en: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/,
};
const DATES = {
  de: /\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/,
  en: /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/,
};
const TIMES = { de: /\bum (halb )?\d{1,2}\b/, en: /\bat \d{1,2}(:\d\d)?\b.*\b(am|pm)\b/ };
const OFFERS = { de: /hätte ich|anbieten|frei wäre|ist frei/, en: /I have|I could offer|is free|I can offer/ };
/** An ISO date or instant, a UUID, a Cal.com uid: nothing a caller should hear. */
const MACHINE_WORDS = /\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-|\b[a-z0-9]{20,}\b/i;
export const MAX_WORDS = 25;

/**
 * The receptionist measure: the reason named, an offer or a question, weekday + date + time where a time is
 * involved, at most 25 words, no machine words, at most one question.
 */
export function brokenRules(situation: Situation, message: string): string[] {
  const { locale } = situation;
  const words = message.split(/\s+/).filter(Boolean).length;
  const questions = (message.match(/\?/g) ?? []).length;
  const timedOk = WEEKDAYS[locale].test(message) && DATES[locale].test(message) && TIMES[locale].test(message);
  const rules: Array<[boolean, string]> = [
    [situation.reason.test(message), `names the reason (${situation.reason.source})`],
    [questions >= 1 || OFFERS[locale].test(message), 'offers something or asks the next step'],
    [!situation.timed || timedOk, 'says weekday, date and time'],
    [words <= MAX_WORDS, `at most ${MAX_WORDS} words (${words})`],
    [!MACHINE_WORDS.test(message), 'no ISO string or id'],
    [questions <= 1, `at most one question (${questions})`],
  ];
  return rules.filter(([kept]) => !kept).map(([, rule]) => rule);
}

async function play(target: DemoTarget, situation: Situation, step: SituationCall, run: string) {
  const line = SITUATION_LINES[situation.locale];
  const call = {
    call_id: `call_situation_${run}_${situation.locale}_${step.call}`,
    agent_id: line.agent,
    call_type: 'phone_call',
    direction: 'inbound',
    from_number: step.caller ?? DEMO_CALLER,
    to_number: line.number,
  };
  return signedPost(target, `/api/retell/${step.fn}`, { name: step.fn.replace(/-/g, '_'), call, args: step.args });
}

/**
 * Plays every situation through the signed function routes, in order (later ones build on earlier bookings), and
 * reports each answer with the rules it broke.
 */
export async function playSituations(
  target: DemoTarget,
  onAnswer: (answer: SituationAnswer) => void,
  now = new Date(),
): Promise<SituationAnswer[]> {
  const run = String(now.getTime());
  const answers: SituationAnswer[] = [];
  for (const situation of situations(now)) {
    for (const step of situation.setup) {
      const done = await play(target, situation, step, run);
      if (done.status !== 200) throw new Error(`setting up ${situation.id} failed: ${JSON.stringify(done.answer)}`);
    }
    const { status, answer } = await play(target, situation, situation.turn, run);
    const { message = '', data } = (answer ?? {}) as { message?: string; data?: unknown };
    const heard = { situation, status, message, data, broken: brokenRules(situation, message) };
    answers.push(heard);
    onAnswer(heard);
  }
  return answers;
}
