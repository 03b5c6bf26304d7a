// Document-level steps over all mentions of an article: the user lexicon, one type per surface string,
// acronyms defined in the text, recovering occurrences of names found elsewhere, then grouping mentions into
// entities ("Vladimir Putin", "Putin" -> one entity named "Vladimir Putin"). Each step is linear (or n log n) in
// the number of mentions and tokens, and allocates little per mention: the analyser runs them after every edit.
import type { Entity, Lexicon, MentionCandidate } from '../types';
import { withoutOverlapsWith } from '../spans';
import { linkAbbreviations } from './abbreviations';
import { linkAcronyms } from './acronyms';
import { buildEntitiesSteps } from './build';
import { applyLexicon, findLexiconMatches, type LexiconMatches } from './lexicon';
import { linesOf, type LineSource, type SlicedLines } from './lines';
import { dedupe, ENTITY_TYPE_SET, normalise, Slots, working, type Slot, type Working } from './mention-set';
import { propagateSteps, type PropagateKept } from './propagate';
import { FullNameWords, shortFormsFollowFullNames, unifyTypes } from './unify';

export interface GroupedMention extends MentionCandidate {
  entity: string;
}

export interface GroupingResult {
  mentions: GroupedMention[];
  entities: Entity[];
}

/**
 * Document-level grouping over all candidates of an article (document offsets). The lexicon's names win over the
 * model; a surface string gets one type throughout; mentions may be added where a name found elsewhere occurs
 * again. Entity ids `e1`, `e2`... in order of first mention. Lexicon entries of type `date` are the date layer's
 * business: ignored here.
 */
export function groupEntities(text: string, mentions: MentionCandidate[], lexicon: Lexicon = {}): GroupingResult {
  const work: Working[] = dedupe(
    mentions
      .filter(m => m.start >= 0 && m.end <= text.length && m.start < m.end && ENTITY_TYPE_SET.has(m.type))
      .map(m => working(m.start, m.end, m.type, normalise(text.slice(m.start, m.end)), false, (m as { confidence?: number }).confidence)),
  );
  const lines = linesOf(text);
  const grouped = groupWorking(text, work, lines, findLexiconMatches(text, lines, lexicon, false));
  return {
    mentions: grouped.mentions.map(m => ({ start: m.start, end: m.end, type: m.type, entity: m.entity! })),
    entities: grouped.entities,
  };
}

/**
 * The steps themselves, over a working set already sorted and without overlaps (its objects are changed and
 * reused). Returns the final mentions, each with its `entity` set.
 */
export function groupWorking(text: string, work: Working[], lines: LineSource, lexicon: LexiconMatches): GroupedWorking {
  const run = groupWorkingSteps(text, work, lines, lexicon);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

export interface GroupedWorking {
  mentions: Working[];
  entities: Entity[];
  slots: Slots;
  /** What a regrouping after an edit of one line starts from (regroup.ts). */
  kept: GroupingKept;
}

/** The grouping's document-wide inputs that a regrouping after an edit updates rather than computes again. */
export interface GroupingKept extends PropagateKept {
  /** The words of the full names short forms are checked against. */
  names: FullNameWords;
  /** Short surface -> the surface of the entity it joins (acronyms defined in the text, known abbreviations). */
  expansions: Map<string, string>;
  /** Surfaces an acronym step or an expansion involves (acronyms, their definitions, abbreviations). */
  linked: Set<string>;
  /**
   * The one-word surfaces of the first mentions by their (normalised) word, and perhaps some left without mentions
   * since (regroup-types.ts): made by the first regrouping that needs it.
   */
  shorts?: Map<string, Slot[]>;
  /**
   * Whether a propagated mention may be a linked name (an acronym's, an expansion's or a known abbreviation's): made by
   * the first regrouping that needs it, and kept true while one may be (a regrouping that finds one gives up).
   */
  propagatedLinked?: boolean;
}

/** groupWorking a step at a time (a yield between the steps, each linear in the mentions): Analyzer.analyzeSteps. */
export function* groupWorkingSteps(
  text: string,
  work: Working[],
  lines: LineSource,
  lexicon: LexiconMatches,
  /** The same lines in slices: propagate then yields between them too. */
  sliced?: SlicedLines,
  /** Kept from an earlier grouping of the same article (its mentions may still point at them); else new ones. */
  slots = new Slots(),
): Generator<void, GroupedWorking, void> {
  slots.begin();
  work = applyLexicon(work, lexicon);
  unifyTypes(work, slots);
  yield;
  const names = new FullNameWords();
  shortFormsFollowFullNames(work, slots, names);
  const expansions = new Map<string, string>();
  const beforeAcronyms = work;
  work = linkAcronyms(text, work, expansions);
  const linked = new Set<string>();
  if (work !== beforeAcronyms) for (const m of work) if (m.slot === undefined) linked.add(m.surface);
  yield;
  const kept: GroupingKept = { firsts: [], patterns: new Map(), names, expansions, linked };
  work = yield* propagateSteps(sliced ?? lines, work, lexicon.dates, slots, kept);
  yield;
  if (lexicon.dates.length > 0) work = withoutOverlapsWith(work, lexicon.dates);
  linkAbbreviations(work, expansions);
  for (const [short, full] of expansions) linked.add(short).add(full);
  yield;
  const entities = yield* buildEntitiesSteps(work, expansions, slots);
  return { mentions: work, entities, slots, kept };
}
