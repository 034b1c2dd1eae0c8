import type { PeriodName } from './date-reading';

/** A phrase table: each entry the words of one phrase and what it means. */
export type PhraseTable<T> = ReadonlyArray<readonly [string[], T]>;

/** phrases(1, 'next week | coming week') → [[['next', 'week'], 1], [['coming', 'week'], 1]]. */
const phrases = <T>(value: T, list: string): Array<readonly [string[], T]> =>
  list.split('|').map((phrase) => [phrase.trim().split(/\s+/), value] as const);

/** "as soon as possible": no day, so the gateway offers the next free times. */
export const ASAP: PhraseTable<true> = phrases(
  true,
  'asap | as soon as possible | so schnell wie moeglich | so bald wie moeglich | schnellstmoeglich | baldmoeglichst |' +
    'fruehestmoeglich | moeglichst bald | naechster freier termin | naechsten freien termin | next available |' +
    'first available | earliest | earliest possible | sofort | jetzt | right now | right away | now | gleich |' +
    'bald | soon',
);

export const RELATIVE_DAYS: PhraseTable<number> = [
  ...phrases(0, 'heute | today'),
  ...phrases(1, 'morgen | tomorrow | tmrw'),
  ...phrases(2, 'uebermorgen | ueber morgen | overmorrow | day after tomorrow'),
  ...phrases(-1, 'gestern | yesterday'),
  ...phrases(-2, 'vorgestern'),
];

export type Which = 'this' | 'coming' | 'next' | 'afterNext';

/** "nächsten Freitag", "this coming Friday", "übernächsten Freitag". */
export const WEEKDAY_MODIFIERS: PhraseTable<Which> = [
  ...phrases<Which>('next', 'naechste | naechsten | naechster | naechstes | next | following'),
  ...phrases<Which>('coming', 'kommende | kommenden | kommender | this coming | coming'),
  ...phrases<Which>('this', 'diese | diesen | dieser | diesem | this'),
  ...phrases<Which>('afterNext', 'uebernaechste | uebernaechsten | uebernaechster'),
];

/** "Freitag nach dem nächsten", "Friday after next". */
export const AFTER_NEXT: PhraseTable<true> = phrases(true, 'nach dem naechsten | after next');

/** Calendar weeks ahead: "nächste Woche" 1, "diese Woche" 0, "übernächste Woche" 2. */
export const WEEKS: PhraseTable<number> = [
  ...phrases(1, 'naechste woche | naechsten woche | kommende woche | kommenden woche | next week | coming week'),
  ...phrases(1, 'following week'),
  ...phrases(0, 'diese woche | dieser woche | this week'),
  ...phrases(2, 'uebernaechste woche | uebernaechsten woche | week after next'),
];

/** Parts of the day; `true` where the phrase also names today ("this afternoon", "tonight"). */
export const PERIODS: PhraseTable<readonly [PeriodName, boolean]> = [
  ...phrases(['morning', false] as const, 'morgens | frueh | in der frueh | morning | mornings'),
  ...phrases(['earlyMorning', false] as const, 'fruehmorgens'),
  ...phrases(['lateAfternoon', false] as const, 'spaetnachmittags'),
  ...phrases(['earlyAfternoon', false] as const, 'fruehnachmittags'),
  ...phrases(['morning', false] as const, 'vormittag | vormittags'),
  ...phrases(['morning', true] as const, 'this morning | heute frueh'),
  ...phrases(['earlyMorning', false] as const, 'early morning | fruehen morgen | first thing in the morning'),
  ...phrases(['lateMorning', false] as const, 'late morning | spaeten vormittag | spaeter vormittag'),
  ...phrases(['beforeLunch', false] as const, 'before lunch | vor dem mittagessen | vor der mittagspause'),
  ...phrases(
    ['lunch', false] as const,
    'mittags | mittag | mittagszeit | mittagspause | lunch | lunchtime | lunch time',
  ),
  ...phrases(
    ['afterLunch', false] as const,
    'after lunch | nach dem mittagessen | nach der mittagspause | nach mittag',
  ),
  ...phrases(['afternoon', false] as const, 'nachmittag | nachmittags | afternoon | afternoons'),
  ...phrases(['afternoon', true] as const, 'this afternoon'),
  ...phrases(['earlyAfternoon', false] as const, 'early afternoon | fruehen nachmittag | frueher nachmittag'),
  ...phrases(['lateAfternoon', false] as const, 'late afternoon | spaeten nachmittag | spaeter nachmittag'),
  ...phrases(['evening', false] as const, 'abend | abends | evening | evenings'),
  ...phrases(['evening', true] as const, 'tonight | this evening'),
  ...phrases(['earlyEvening', false] as const, 'early evening | fruehen abend | frueher abend'),
  ...phrases(['night', false] as const, 'nacht | nachts | night | at night | in der nacht'),
  // "3 in the PM", "tomorrow in the AM": the half of the day, said as a part of it.
  ...phrases(['morning', false] as const, 'in the am'),
  ...phrases(['afternoon', false] as const, 'in the pm'),
];

/** Words that open a time range: "nach 15 Uhr", "bis 12", "by 4 pm". */
export const RANGE_BOUNDS = new Map<string, 'from' | 'to'>([
  ...'nach after ab von from'.split(' ').map((word) => [word, 'from'] as const),
  ...'vor before bis until till spaetestens by'.split(' ').map((word) => [word, 'to'] as const),
]);
