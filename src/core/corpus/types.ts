// The corpus model's data: articles as the index keeps them, entities across articles, the user's decisions
// (`.news-annotator/entities.json`), consistency findings. Paths are host-supplied keys with forward slashes
// (relative to the workspace folder); offsets are UTF-16 code units, as everywhere in the core.
import type { Annotation, AnnotationType, Entity, EntityType, Span } from '../types';

/** One article as the corpus index holds it: what its sidecar (or an in-memory analysis) says, plus its text. */
export interface CorpusArticle {
  /** The host's key for the article: a relative path with forward slashes ("2015/putin.txt"). */
  path: string;
  /** The article text: sentences for "Appears with", unannotated occurrences, line and column of findings. */
  text: string;
  /** SHA-256 of the text (UTF-8), lowercase hex, as in the sidecar. */
  sha256: string;
  /** YYYY-MM-DD or null: orders first mentions (earliest reference date, then path). */
  referenceDate: string | null;
  annotations: readonly Annotation[];
  entities: readonly Entity[];
  /** Spans where the user removed an auto annotation: never suggested again by the checks. */
  rejections?: readonly Span[];
}

/** A file the host could not index, with the reason in words the user can act on. */
export interface UnindexedArticle {
  path: string;
  reason: string;
}

/** One mention of a corpus entity: enough for references, symbols and previews without opening the article. */
export interface CorpusMention {
  path: string;
  start: number;
  end: number;
  text: string;
  /** The annotation's id in the article's sidecar. */
  annotation: string;
}

/** A corpus entity's share of one article. */
export interface EntityInArticle {
  path: string;
  /** Ids of the article's own entities (`e1`, ...) that belong to this corpus entity. */
  entities: string[];
  /** Mentions of it in this article. */
  mentions: number;
}

/** Per-article entities that are the same thing, across the corpus, after the user's decisions. */
export interface CorpusEntity {
  /**
   * Stable id: `type:name` from the automatic canonical name, lower case ("person:vladimir putin"); unrelated
   * articles changing never renumber it, and a rename keeps it. A split-off entity gets `type:new name`.
   */
  id: string;
  type: EntityType;
  /** The canonical name: the user's (rename decision) or the longest name its articles use. */
  name: string;
  /** Every distinct surface form across its articles, sorted. */
  aliases: string[];
  /** Sorted by path. */
  articles: EntityInArticle[];
  /** Mentions in all articles. */
  mentions: number;
  /** The first mention in the corpus: earliest reference date (articles without one last), then path, then offset. */
  firstMention: CorpusMention;
  externalId?: string;
  note?: string;
}

// ---- The decisions file ----

/** The decisions file's format version this build writes and reads. */
export const DECISIONS_VERSION = 1;
/** Where the decisions file lives, relative to the workspace folder. */
export const DECISIONS_PATH = '.news-annotator/entities.json';

/**
 * Names a corpus entity in a decision: the entity of this type that has `name` as its name or one of its aliases
 * (compared with spaces collapsed and case folded). Names survive articles coming and going better than ids.
 */
export interface EntityRef {
  type: EntityType;
  name: string;
}

/** A decision about corpus entities, applied in file order. */
export type EntityDecision =
  /** The canonical name becomes `name` (shown everywhere, written into the sidecars' entities). */
  | { kind: 'rename'; entity: EntityRef; name: string }
  /** The entities `with` become part of `entity` ("U.S." + "United States"). */
  | { kind: 'merge'; entity: EntityRef; with: EntityRef[] }
  /**
   * Part of `entity` becomes a new entity named `name`: the article entities whose name is one of `aliases`
   * (all when absent), in the articles `articles` (all when absent). At least one of the two is given.
   */
  | { kind: 'split'; entity: EntityRef; name: string; aliases?: string[]; articles?: string[] }
  /** An identifier outside the corpus: any absolute URI (a Wikidata item, `urn:...`, a database key as a URI). */
  | { kind: 'externalId'; entity: EntityRef; externalId: string }
  /** A note on the entity as a whole. */
  | { kind: 'note'; entity: EntityRef; note: string };

/**
 * A correction the user chose to apply in every article: `name` always has `type` (`retype`: it was found with
 * another type; `accept`: it was confirmed, or added where the analysis missed it), or is never an entity (`reject`).
 */
export type Correction =
  { name: string; action: 'retype'; type: AnnotationType } | { name: string; action: 'accept'; type: AnnotationType } | { name: string; action: 'reject' };

/** The content of `.news-annotator/entities.json` (schema: media/entities.schema.json). */
export interface CorpusDecisions {
  $schema?: string;
  version: typeof DECISIONS_VERSION;
  entities: EntityDecision[];
  /** At most one per name (spaces collapsed, case kept): a later correction of a name replaces the earlier. */
  corrections: Correction[];
}

// ---- Queries ----

/** A symbol search hit: the entity and the alias that matched. */
export interface EntityMatch {
  entity: CorpusEntity;
  alias: string;
}

/** An entity appearing with another one: in how many articles and sentences both are mentioned. */
export interface CoOccurrence {
  entity: CorpusEntity;
  articles: number;
  sentences: number;
}

/** Two entities mentioned in the same articles: `entity` is the one first by name. */
export interface CoOccurrencePair {
  entity: CorpusEntity;
  with: CorpusEntity;
  /** Articles mentioning both. */
  articles: number;
  /** Sentences mentioning both, over all those articles. */
  sentences: number;
}

/** What a rename or merge would change, before it is applied. */
export interface ChangePreview {
  mentions: number;
  articles: number;
  /** The paths of the articles whose sidecars change, sorted. */
  paths: string[];
}

// ---- Consistency findings ----

export type FindingCode =
  /** The same name has two types within one article. */
  | 'type-in-article'
  /** The same name has another type here than in most of the corpus (or than the user chose by hand). */
  | 'type-in-corpus'
  /** A name the user annotated by hand elsewhere occurs here unannotated. */
  | 'unannotated'
  /** Two corpus entities share an alias. */
  | 'shared-alias';

/** How a finding is fixed; the editor turns it into a quick fix, the CLI prints the message only. */
export type FindingFix =
  /** Give these annotations of the article the type `type`. */
  | { kind: 'retype'; path: string; annotations: string[]; type: AnnotationType }
  /** Add a manual annotation of `type` over `start`..`end` of the article. */
  | { kind: 'annotate'; path: string; start: number; end: number; type: EntityType; text: string }
  /** Merge these corpus entities (a `merge` decision: the first is kept). */
  | { kind: 'merge'; entities: string[]; decision: EntityDecision };

export interface Finding {
  code: FindingCode;
  path: string;
  start: number;
  end: number;
  /** Worded for the user, e.g. `"Jordan" is a place in 3 articles but a person here`. */
  message: string;
  fix: FindingFix;
}
