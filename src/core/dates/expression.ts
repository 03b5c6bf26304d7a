// What a date expression means, independent of any reference date. Detection (cached per paragraph) produces
// these; resolution turns them into TIMEX3 values once the article's reference date is known.

/** The tense of the clause around a date: decides which way a bare "Tuesday" or "July 15" points. */
export type Tense = 'past' | 'future' | 'none';

/** TIMEX3 part-of-day codes. */
export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

export type TimeOfDay = { hour: number; minute: number } | { part: PartOfDay };

export type RefValue = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

export type RelativeUnit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export type DateExpression =
  /** "now", "recently", "the future". */
  | { kind: 'ref'; ref: RefValue }
  /** Calendar fields as written; a missing year is taken from the reference date (direction by tense). */
  | {
      kind: 'calendar';
      year?: number;
      yearOffset?: number;
      month?: number;
      day?: number;
      /** "the fourth Thursday" of the month (Thanksgiving): [n, weekday]. */
      nthWeekday?: [number, number];
      /** "last November" (-1: strictly before the reference month), "next April" (1), "this September" (0). */
      shift?: -1 | 0 | 1;
      tense: Tense;
      time?: TimeOfDay;
    }
  /** "Tuesday", "last Friday" (shift -1), "next Monday" (shift 1). weekday: 1 = Monday ... 7 = Sunday. */
  | { kind: 'weekday'; weekday: number; shift: -1 | 0 | 1; tense: Tense; time?: TimeOfDay }
  /** "yesterday" (day -1), "last week" (week -1), "this year" (year 0), "two years ago" (year -2). */
  | {
      kind: 'relative';
      unit: RelativeUnit;
      offset: number;
      time?: TimeOfDay;
      tense?: Tense;
      /** Said in a sentence about quarterly results: "a year ago" then means the same quarter a year ago. */
      quarterContext?: boolean;
    }
  /** "the third quarter" (quarter 3), "the latest quarter" (-1: the last completed one), "this quarter" (0). */
  | { kind: 'quarter'; quarter: number | null; relative?: number; year?: number; yearOffset?: number; tense: Tense }
  /** "the first half of 1990". */
  | { kind: 'half'; half: 1 | 2; year?: number; yearOffset?: number }
  /** "last fall", "the summer of 1998". */
  | { kind: 'season'; season: Season; year?: number; yearOffset?: number; shift?: -1 | 0 | 1; tense: Tense }
  /** "the 1990s" (decade 199), "the 20th century" (century 19). */
  | { kind: 'decade'; decade: number }
  | { kind: 'century'; century: number }
  /** "that day", "the next morning", "later that year": anchored to another date in the story, so left unresolved. */
  | { kind: 'anaphoric'; unit: RelativeUnit; offset: number; time?: TimeOfDay }
  /** A clock time on the reference day ("10:30 a.m."). */
  | { kind: 'time'; time: TimeOfDay };
