/**
 * The words of spoken German and English dates and times, folded like the input (lowercase, ä → ae, ö → oe,
 * ü → ue, ß → ss), so "nächsten", "naechsten" and "NÄCHSTEN" are one key. Tables are written as plain word lists.
 */
export const fold = (text: string): string =>
  text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

/** "a b c" → ['a', 'b', 'c']. */
const words = (list: string): string[] => list.trim().split(/\s+/);

/** { 1: 'januar jan', 2: 'februar' } → januar → 1, jan → 1, februar → 2. */
const byValue = (table: Record<number, string>) =>
  new Map(
    Object.entries(table).flatMap(([value, names]) => words(names).map((name) => [name, Number(value)] as const)),
  );

const DE_UNITS = words('null eins zwei drei vier fuenf sechs sieben acht neun');
const DE_TEENS = words('zehn elf zwoelf dreizehn vierzehn fuenfzehn sechzehn siebzehn achtzehn neunzehn');
const DE_TENS = words('zwanzig dreissig vierzig fuenfzig');
const EN_UNITS = words('zero one two three four five six seven eight nine');
const EN_TEENS = words('ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen');
const EN_TENS = words('twenty thirty forty fifty');

function cardinals(): Map<string, number> {
  const table = new Map<string, number>([
    ['zwo', 2],
    ['oh', 0],
    ['o', 0],
  ]);
  for (const units of [DE_UNITS, EN_UNITS]) units.forEach((word, value) => table.set(word, value));
  for (const teens of [DE_TEENS, EN_TEENS]) teens.forEach((word, index) => table.set(word, 10 + index));
  DE_TENS.forEach((tens, index) => {
    table.set(tens, 20 + 10 * index);
    DE_UNITS.slice(1).forEach((unit, u) =>
      table.set(`${unit === 'eins' ? 'ein' : unit}und${tens}`, 21 + 10 * index + u),
    );
  });
  EN_TENS.forEach((tens, index) => {
    table.set(tens, 20 + 10 * index);
    EN_UNITS.slice(1).forEach((unit, u) => table.set(`${tens}${unit}`, 21 + 10 * index + u));
  });
  return table;
}

/** "drei" → 3, "fuenfundzwanzig" → 25, "twentyfive" → 25 (hyphens are gone by then). */
export const CARDINALS = cardinals();

const DE_ORDINAL_STEMS = words(
  'erst zweit dritt viert fuenft sechst siebt acht neunt zehnt elft zwoelft dreizehnt vierzehnt fuenfzehnt ' +
    'sechzehnt siebzehnt achtzehnt neunzehnt zwanzigst',
);
const EN_ORDINALS = words(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth ' +
    'fifteenth sixteenth seventeenth eighteenth nineteenth twentieth',
);

function ordinals(): Map<string, number> {
  const stems = new Map<string, number>([
    ['siebent', 7],
    ['dreissigst', 30],
    ['einunddreissigst', 31],
  ]);
  DE_ORDINAL_STEMS.forEach((stem, index) => stems.set(stem, index + 1));
  DE_UNITS.slice(1).forEach((unit, u) => stems.set(`${unit === 'eins' ? 'ein' : unit}undzwanzigst`, 21 + u));
  const table = new Map<string, number>([
    ['thirtieth', 30],
    ['thirtyfirst', 31],
  ]);
  for (const [stem, value] of stems) for (const ending of words('e er en es em')) table.set(stem + ending, value);
  EN_ORDINALS.forEach((word, index) => table.set(word, index + 1));
  EN_ORDINALS.slice(0, 9).forEach((word, index) => table.set(`twenty${word}`, 21 + index));
  return table;
}

/** "dritten" → 3, "einundzwanzigsten" → 21, "third" → 3. Digit ordinals ("3.", "3rd") are the tokenizer's. */
export const ORDINALS = ordinals();

export const MONTHS = byValue({
  1: 'januar jaenner january jan',
  2: 'februar feber february feb',
  3: 'maerz march mar mrz',
  4: 'april apr',
  5: 'mai may',
  6: 'juni june jun',
  7: 'juli july jul',
  8: 'august aug',
  9: 'september sep sept',
  10: 'oktober october okt oct',
  11: 'november nov',
  12: 'dezember december dez dec',
});

/** ISO weekday numbers (Monday 1); German adverbs ("montags") and English plurals read as the day. */
export const WEEKDAYS = byValue({
  1: 'montag montags monday mondays mon',
  2: 'dienstag dienstags tuesday tuesdays tue tues',
  3: 'mittwoch mittwochs wednesday wednesdays wed',
  4: 'donnerstag donnerstags thursday thursdays thu thur thurs',
  5: 'freitag freitags friday fridays fri',
  6: 'samstag samstags sonnabend saturday saturdays sat',
  7: 'sonntag sonntags sunday sundays sun',
});

/** Words that carry no date information in a booking phrase: prepositions, hedges, politeness, hesitation. */
export const FILLERS = new Set(
  words(
    // German
    'am um im in an zu den der die das dem des zum zur so gegen ca circa zirka etwa ungefaehr rund puenktlich ' +
      'genau bitte gern gerne vielleicht also aehm aeh ehm hm hmm ja ok okay dann denn mal doch eher lieber noch ' +
      'schon es wie waere waers mit geht ginge passt passen wuerde mir ich haette einen termin irgendwann herum rum ' +
      'wieder nochmal und dreh uhr punkt fuer liebsten moeglichst wenn moeglich gut prima super haben sie was frei etwas ' +
      'da moechte kommen buchen vorbeikommen ' +
      // English
      'at on the of around about approximately approx roughly say like maybe perhaps possibly please sharp exactly ' +
      'precisely oclock ish for uh uhm er erm well then how what is would be could can i we it that works work ' +
      'fine good yes yeah sure sometime time and a appointment me my prefer lets let us if possible there ' +
      'something anything any anytime o just do does you have got free available want need book come get ' +
      'slot ok early',
  ),
);
