// The working set of mentions shared by the document-level steps: one surface form per mention, kept sorted
// by position and free of overlaps.
import { mergeSorted } from '../sorted';
import { firstOfOverlapping } from '../spans';
import { ENTITY_TYPES, type EntityType, type MentionCandidate } from '../types';
import { isTitle } from './refine';
import { tokenize, type Token } from './tokenize';

export interface Working extends MentionCandidate {
  surface: string;
  /** Set by the user lexicon: never changed by the model-side steps. */
  fixed: boolean;
  /** How sure the detector was of the type (a margin of tagger scores); absent: an ordinary vote. */
  confidence?: number;
  /** The entity id, set by the last step (buildEntities). */
  entity?: string;
  /** Its surface's record in the grouping's `Slots` (a mention kept for the next grouping keeps it). */
  slot?: Slot;
  /** Found again by propagate (an occurrence of a name found elsewhere), not by the detector or an acronym. */
  propagated: boolean;
  /** The type it was made with (the detector's, for a detector's mention): what it votes for in unifyTypes. */
  detected: EntityType;
}

/**
 * One record per distinct surface string for one grouping: the steps count, decide and remember per string through
 * it instead of hashing the string again for every mention in every step.
 */
export interface Slot {
  surface: string;
  words: SurfaceWords;
  /** The grouping (Slots.begin) its decisions below belong to. */
  run: number;
  /** unifyTypes: the detector's mentions of the surface (a regrouping after an edit tells from it whether all are in the edited line). */
  count: number;
  /** unifyTypes: those mentions, in order (a regrouping after an edit counts their votes again). */
  members: Working[];
  /** unifyTypes: the types seen, in order, with their scores, the lexicon's type, the decision. */
  types: EntityType[];
  scores: number[];
  fixed?: EntityType;
  decided?: EntityType;
  /** shortFormsFollowFullNames: counted as a full name; the short form's new type (null: unchanged). */
  counted?: boolean;
  shortType?: EntityType | null;
  /** shortFormsFollowFullNames: the type its words were counted under as a full name; the type shortType was decided from. */
  countedAs?: EntityType;
  firstType?: EntityType;
  /** propagate: already looked at. */
  visited?: boolean;
  /** propagate: the name patterns it gave last, for the type and lexicon mark they have (kept across groupings). */
  patterns?: unknown;
  /** buildEntities: its forms by type (kept across groupings; each form says which grouping it belongs to). */
  forms?: Partial<Record<EntityType, unknown>>;
}

/** A working mention with every field present from the start: one object shape for all, whatever step made it. */
export function working(start: number, end: number, type: EntityType, surface: string, fixed: boolean, confidence?: number, propagated = false): Working {
  return { start, end, type, surface, fixed, confidence, entity: undefined, slot: undefined, propagated, detected: type };
}

/**
 * The slots of one grouping. The analyser keeps one Slots per article across its groupings (`begin` starts the next):
 * a surface's record, its words and its mentions' link to it then outlive a grouping, and only the decisions are
 * cleared, on first use in the next one (no record, map entry or word lookup made again per surface and grouping).
 */
export class Slots {
  private readonly bySurface = new Map<string, Slot>();
  /** The current grouping: a record last used in an earlier one is cleared before use. */
  private run = 0;

  /** Starts another grouping with these slots (every decision of the previous one is forgotten). */
  begin(): void {
    this.run++;
  }

  /** Surfaces recorded, in this grouping or earlier ones. */
  get size(): number {
    return this.bySurface.size;
  }

  /** The surface's record, if a mention of this grouping had it. */
  get(surface: string): Slot | undefined {
    const s = this.bySurface.get(surface);
    return s && s.run === this.run ? s : undefined;
  }

  of(m: Working): Slot {
    const s = m.slot ?? (m.slot = this.record(m.surface));
    if (s.run !== this.run) this.reset(s);
    return s;
  }

  /** The surface's record for this grouping, made or cleared as `of` would (no mention is linked to it). */
  ofSurface(surface: string): Slot {
    const s = this.record(surface);
    if (s.run !== this.run) this.reset(s);
    return s;
  }

  private record(surface: string): Slot {
    let s = this.bySurface.get(surface);
    if (!s) {
      s = {
        surface,
        words: surfaceWords(surface),
        run: this.run,
        count: 0,
        members: [],
        types: [],
        scores: [],
        fixed: undefined,
        decided: undefined,
        counted: undefined,
        shortType: undefined,
        countedAs: undefined,
        firstType: undefined,
        visited: undefined,
        patterns: undefined,
        forms: undefined,
      };
      this.bySurface.set(surface, s);
    }
    return s;
  }

  private reset(s: Slot): void {
    s.run = this.run;
    s.count = 0;
    // (an empty array's length is left alone: setting it costs a call into the runtime)
    if (s.members.length > 0) s.members.length = 0;
    if (s.types.length > 0) {
      s.types.length = 0;
      s.scores.length = 0;
    }
    s.fixed = undefined;
    s.decided = undefined;
    s.counted = undefined;
    s.shortType = undefined;
    s.countedAs = undefined;
    s.firstType = undefined;
    s.visited = undefined;
    // forms stay: buildEntities tells its own from an earlier grouping's (and reuses those)
  }
}

export const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);

/** Surface key and display form: any run of spaces (no-break space included) as one space; "al- Assad" as "al-Assad". */
export const normalise = (s: string) => {
  const spaced = s.replace(/\s+/g, ' ');
  // a particle's hyphen set apart from the surname (a line break, a typo) is the same name (checked first: a hot path)
  return spaced.includes('- ') ? spaced.replace(PARTICLE_HYPHEN, '$1-') : spaced;
};
const PARTICLE_HYPHEN = /(?<![\p{L}\p{N}])(al|el|ad|ar|as|ash|at|az|an|ibn|bin|ben|abu|abd)- (?=\p{Lu})/gu;

const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|ben|abu|abd)-/;
/** A name's word for comparisons: "al-Assad" and "Assad" are the same surname. */
export const normWord = (w: string) => w.toLowerCase().replace(ARABIC_ARTICLE, '');

/** What the document-level steps need to know about a surface string's words; computed once per string. */
export interface SurfaceWords {
  /** Split on spaces (a surface is normalised: one space between words). */
  spaced: string[];
  /** normWord of each spaced word. */
  normSpaced: string[];
  /** The tokenizer's tokens. */
  tokens: string[];
  /** The tokens with a letter or digit, normWord'ed: the words the entity grouping compares (build.ts's nameWords). */
  name: string[];
  /** propagate's reading of the surface as a name pattern, made on first need (see propagate.ts). */
  pattern: SurfacePattern | undefined;
}

/** What a surface adds to the name patterns, whatever its type (propagate.ts decides with the type). */
export interface SurfacePattern {
  /** Its first token starts with a capital: a pattern of its own. */
  capitalised: boolean;
  /** The acronym written as a word ("Nato" for "NATO"), when that is a pattern too. */
  titled: string | null;
  /** Its last word, when a name of several words whose last word is capitalised ("Lavrov"). */
  last: string | null;
  /** That last word names an organization on its own ("Sabah", not "Inc" or "England"). */
  lastDistinctive: boolean;
}

// Bounded; a pure memo (surfaces repeat across mentions and across re-analyses of an edited article).
const surfaceMemo = new Map<string, SurfaceWords>();
const SURFACE_MEMO_MAX = 50000;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function surfaceWords(surface: string): SurfaceWords {
  let w = surfaceMemo.get(surface);
  if (!w) {
    const spaced = surface.split(' ');
    const tokens = tokenize(surface).map(t => t.text);
    w = { spaced, normSpaced: spaced.map(normWord), tokens, name: wordsOfTokens(tokens), pattern: undefined };
    if (surfaceMemo.size >= SURFACE_MEMO_MAX) surfaceMemo.clear();
    surfaceMemo.set(surface, w);
  }
  return w;
}

/** @internal Whether the memo holds the surface (tests). */
export const surfaceMemoHas = (surface: string): boolean => surfaceMemo.has(surface);

/** SurfaceWords.name of the tokens. */
const wordsOfTokens = (tokens: string[]): string[] => tokens.filter(t => LETTER_OR_DIGIT.test(t)).map(normWord);

/**
 * surfaceWords(surface).name, a list of its own, without adding the surface to the memo: the corpus index asks this
 * of every distinct name of a corpus (tens of thousands, none of which it analyses), and the memo's entry is four
 * lists and an object for each, kept until the memo fills.
 */
export function surfaceNameWords(surface: string): string[] {
  const w = surfaceMemo.get(surface);
  if (w) return [...w.name];
  const tokens = tokenize(surface);
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) if (LETTER_OR_DIGIT.test(tokens[i].text)) words.push(normWord(tokens[i].text));
  return words;
}

// made once: a regex literal in a function body is a new RegExp object each time (this runs for every token)
const UPPER_FIRST = /^\p{Lu}/u;
export const isCapitalised = (t: Token) => UPPER_FIRST.test(t.text);
/** A capitalised word that is part of another name (titles such as "Mr" or "President" are not). */
export const isNameWord = (t: Token) => isCapitalised(t) && !isTitle(t);

export function byPosition(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** Sorted, without overlaps (the earlier, then longer, mention wins). */
export function dedupe(list: Working[]): Working[] {
  list.sort(byPosition);
  return withoutOverlapping(list);
}

/** `dedupe([...a, ...b])` for two lists already sorted by position, in linear time (a stable merge). */
export function mergeDedupe(a: readonly Working[], b: readonly Working[]): Working[] {
  return withoutOverlapping(b.length === 0 ? a : mergeSorted(a, b, byPosition));
}

/** A sorted list without overlaps: the earlier, then longer, mention wins; a lexicon name over a model one. */
const withoutOverlapping = (list: readonly Working[]): Working[] => firstOfOverlapping(list, LEXICON_WINS);
const LEXICON_WINS = { replaces: (later: Working, kept: Working) => later.fixed && !kept.fixed };
