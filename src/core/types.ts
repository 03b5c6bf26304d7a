// The data model shared by the analysis, the sidecar, the exporters, the CLI and the editor.
// Offsets are UTF-16 code units, end-exclusive, exactly as VS Code's TextDocument.offsetAt counts them.

export const ANNOTATION_TYPES = ['person', 'place', 'organization', 'date'] as const;
export type AnnotationType = (typeof ANNOTATION_TYPES)[number];

/** The annotation types that name a thing and so group into entities. */
export const ENTITY_TYPES = ['person', 'place', 'organization'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** `auto`: found by the analysis. `manual`: added or corrected by the user; never replaced by re-analysis. */
export type AnnotationSource = 'auto' | 'manual';

export interface Span {
  start: number;
  end: number;
}

/** Granularity of a resolved date value. */
export const DATE_PRECISIONS = ['day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century', 'time', 'reference'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface Annotation extends Span {
  /** Stable within a sidecar; `a1`, `a2`, ... for auto annotations, anything unique for manual ones. */
  id: string;
  type: AnnotationType;
  /** Always equal to `documentText.slice(start, end)`. */
  text: string;
  source: AnnotationSource;
  /** For person/place/organization: the id of the entity this mention belongs to. */
  entity?: string;
  /** For dates: the TIMEX3-style value (`2015-11-24`, `2015-W44`, `PRESENT_REF`, ...) or null when unresolved. */
  value?: string | null;
  /** For dates: the granularity of `value` (set by the resolver; absent when unresolved). */
  precision?: DatePrecision;
  /** A free-text note the user attached. */
  note?: string;
  /** The user accepted (reviewed) this annotation; format version 3. Only `true` is written. */
  reviewed?: boolean;
  /** Dates: the user set `value` by hand, so re-analysis never re-resolves it; format version 3. Only `true` is written. */
  valueFixed?: boolean;
}

export interface Entity {
  /** `e1`, `e2`, ... in order of first mention. */
  id: string;
  type: EntityType;
  /** The canonical name: the longest full form used in the article ("Vladimir Putin"). */
  name: string;
  /** Every distinct surface form of its mentions, canonical name included, sorted. */
  aliases: string[];
  /** An identifier outside the article (any URI: a Wikidata item, a database key), from the corpus decisions; format version 3. */
  externalId?: string;
  /** A note on the entity as a whole, from the corpus decisions; format version 3. */
  note?: string;
}

/** Where the reference date (the article's publication date) came from. */
export type ReferenceDateSource = 'user' | 'detected';

export interface ReferenceDate {
  /** YYYY-MM-DD */
  value: string;
  source: ReferenceDateSource;
}

/** A user lexicon: surface names mapped to the type they always get ("Hemeimeem" -> place). */
export type Lexicon = Readonly<Record<string, AnnotationType>>;

export interface AnalyzeOptions {
  /** Given by the caller (user setting, sidecar, CLI flag); wins over detection. YYYY-MM-DD. */
  referenceDate?: string | null;
  lexicon?: Lexicon;
  /** Only these types are returned (default: all). */
  types?: readonly AnnotationType[];
  /** 'markdown': markup (link destinations, code, HTML tags, front matter ...) is not analysed as text. Default 'text'. */
  format?: ArticleFormat;
}

/** How an article's text is written: plain text, or Markdown whose markup is skipped (see articleFormat()). */
export type ArticleFormat = 'text' | 'markdown';

export interface AnalysisResult {
  annotations: Annotation[];
  entities: Entity[];
  /** The reference date in force, or null when none was given or detected (relative dates then stay unresolved). */
  referenceDate: ReferenceDate | null;
}

// ---- Paragraph-level detector output (offsets relative to the text the detector was given) ----

/** A person/place/organization mention found by the entity detector, before document-level grouping. */
export interface MentionCandidate extends Span {
  type: EntityType;
}
