/**
 * Holidays and named days as callers say them, and how the gateway finds their date. `names`: the English names the
 * holiday library (`date-holidays`) gives the day, any of which, in the company's country or one of its states; when
 * the country does not keep the day, `easter` (days from Easter Sunday) or `fixed` (month, day) place it; a day with
 * neither is only known where the country keeps it (Thanksgiving, Labor Day, Mother's Day differ by country).
 */
export interface NamedDay {
  say: string;
  names: string[];
  easter?: number;
  fixed?: [month: number, day: number];
}

export const NAMED_DAYS: Record<string, NamedDay> = {
  newYear: {
    say: "neujahr | neujahrstag | new year's day | new years day | new year's | new years | new year",
    names: ["New Year's Day"],
    fixed: [1, 1],
  },
  newYearsEve: {
    say: "silvester | silvesterabend | new year's eve | new years eve",
    names: ["New Year's Eve"],
    fixed: [12, 31],
  },
  epiphany: {
    say: 'heilige drei koenige | heiligen drei koenige | dreikoenigstag | epiphany',
    names: ['Epiphany'],
    fixed: [1, 6],
  },
  valentine: { say: "valentinstag | valentine's day | valentines day", names: ["Valentine's Day"], fixed: [2, 14] },
  shroveMonday: { say: 'rosenmontag', names: ['Shrove Monday'], easter: -48 },
  shroveTuesday: {
    say: 'faschingsdienstag | fastnachtsdienstag | veilchendienstag | shrove tuesday | pancake day | mardi gras',
    names: ['Shrove Tuesday'],
    easter: -47,
  },
  ashWednesday: { say: 'aschermittwoch | ash wednesday', names: ['Ash Wednesday'], easter: -46 },
  stPatrick: {
    say: "st patrick's day | st patricks day | saint patrick's day | st paddy's day",
    names: ["St. Patrick's Day"],
    fixed: [3, 17],
  },
  maundyThursday: { say: 'gruendonnerstag | maundy thursday | holy thursday', names: ['Maundy Thursday'], easter: -3 },
  goodFriday: { say: 'karfreitag | good friday', names: ['Good Friday'], easter: -2 },
  holySaturday: { say: 'karsamstag | holy saturday | easter saturday', names: ['Easter Saturday'], easter: -1 },
  easter: { say: 'ostern | ostersonntag | easter | easter sunday', names: ['Easter Sunday'], easter: 0 },
  easterMonday: { say: 'ostermontag | easter monday', names: ['Easter Monday'], easter: 1 },
  labourDay: { say: 'tag der arbeit | maifeiertag | labour day | labor day', names: ['Labour Day', 'Labor Day'] },
  earlyMay: { say: 'early may bank holiday | may day bank holiday', names: ['Early May bank holiday'] },
  springBank: { say: 'spring bank holiday | late may bank holiday', names: ['Spring bank holiday'] },
  ascension: {
    say: 'christi himmelfahrt | himmelfahrt | auffahrt | vatertag | ascension day | ascension',
    names: ['Ascension Day'],
    easter: 39,
  },
  mothersDay: { say: "muttertag | mother's day | mothers day | mothering sunday", names: ["Mother's Day"] },
  fathersDay: { say: "father's day | fathers day", names: ["Father's Day"] },
  memorialDay: { say: 'memorial day', names: ['Memorial Day'] },
  pentecost: {
    say: 'pfingsten | pfingstsonntag | pentecost | whitsunday | whit sunday',
    names: ['Pentecost'],
    easter: 49,
  },
  whitMonday: { say: 'pfingstmontag | whit monday | pentecost monday', names: ['Whit Monday'], easter: 50 },
  corpusChristi: { say: 'fronleichnam | corpus christi', names: ['Corpus Christi'], easter: 60 },
  juneteenth: { say: 'juneteenth', names: ['Juneteenth'], fixed: [6, 19] },
  independenceDay: { say: 'independence day', names: ['Independence Day'] },
  assumption: { say: 'mariae himmelfahrt | maria himmelfahrt | assumption day', names: ['Assumption'], fixed: [8, 15] },
  germanUnity: {
    say: 'tag der deutschen einheit | deutsche einheit | german unity day',
    names: ['National Holiday'],
    fixed: [10, 3],
  },
  nationalDay: { say: 'nationalfeiertag | national holiday | national day', names: ['National Holiday'] },
  swissNationalDay: { say: 'bundesfeiertag | swiss national day', names: ['Bundesfeiertag'], fixed: [8, 1] },
  austrianStateDay: { say: 'staatsfeiertag', names: ['Staatsfeiertag'] },
  immaculate: {
    say: 'mariae empfaengnis | maria empfaengnis | immaculate conception',
    names: ['Immaculate Conception'],
    fixed: [12, 8],
  },
  remembrance: { say: 'volkstrauertag', names: ['Memorial Day'] },
  deadSunday: { say: 'totensonntag | ewigkeitssonntag', names: ['Totensonntag'] },
  columbusDay: { say: 'columbus day | indigenous peoples day', names: ['Columbus Day'] },
  reformation: { say: 'reformationstag | reformation day', names: ['Reformation Day'], fixed: [10, 31] },
  halloween: { say: 'halloween', names: ['Halloween'], fixed: [10, 31] },
  allSaints: { say: "allerheiligen | all saints' day | all saints day", names: ["All Saints' Day"], fixed: [11, 1] },
  allSouls: { say: "allerseelen | all souls' day", names: ["All Souls' Day"], fixed: [11, 2] },
  stMartin: { say: 'sankt martin | martinstag | st martin', names: ['Saint Martin'], fixed: [11, 11] },
  veteransDay: { say: "veterans day | veterans' day | armistice day", names: ['Veterans Day'], fixed: [11, 11] },
  repentance: { say: 'buss und bettag', names: ['Day of Prayer and Repentance'] },
  thanksgiving: { say: 'thanksgiving | thanksgiving day', names: ['Thanksgiving Day', 'Thanksgiving'] },
  blackFriday: {
    say: 'black friday | day after thanksgiving | the day after thanksgiving',
    names: ['Day after Thanksgiving Day'],
  },
  mlkDay: {
    say: 'martin luther king day | martin luther king jr day | mlk day',
    names: ['Martin Luther King Jr. Day'],
  },
  presidentsDay: { say: "presidents' day | presidents day | washington's birthday", names: ["Washington's Birthday"] },
  stNicholas: { say: 'nikolaus | nikolaustag | st nicholas day', names: ['Saint Nicholas'], fixed: [12, 6] },
  christmasEve: {
    say: 'heiligabend | heiliger abend | heiligen abend | christmas eve',
    names: ['Christmas Eve'],
    fixed: [12, 24],
  },
  christmas: {
    say:
      'weihnachten | erster weihnachtstag | erster weihnachtsfeiertag | weihnachtstag | weihnachtsfeiertag | ' +
      'christmas | christmas day | xmas',
    names: ['Christmas Day'],
    fixed: [12, 25],
  },
  boxingDay: {
    say:
      'zweiter weihnachtstag | zweiter weihnachtsfeiertag | stephanstag | stefanitag | stephanitag | boxing day | ' +
      "st stephen's day | st stephen day",
    names: ['Boxing Day', "St. Stephen's Day"],
    fixed: [12, 26],
  },
};
