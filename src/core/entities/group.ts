// Document-level steps over all mentions of an article: the user lexicon, one type per surface string,
// acronyms defined in the text, recovering occurrences of names found elsewhere, then grouping mentions into
// entities ("Vladimir Putin", "Putin" -> one entity named "Vladimir Putin"). Each step is linear (or n log n) in
// the number of mentions and tokens.
import type { Entity, Lexicon, MentionCandidate } from '../types';
import { linkAcronyms } from './acronyms';
import { buildEntities } from './build';
import { applyLexicon } from './lexicon';
import { dedupe, ENTITY_TYPE_SET, normalise, type Working } from './mention-set';
import { propagate } from './propagate';
import { shortFormsFollowFullNames, unifyTypes } from './unify';

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
 * again. Entity ids `e1`, `e2`... in order of first mention.
 */
export function groupEntities(text: string, mentions: MentionCandidate[], lexicon: Lexicon = {}): GroupingResult {
  let work: Working[] = dedupe(mentions
    .filter(m => m.start >= 0 && m.end <= text.length && m.start < m.end && ENTITY_TYPE_SET.has(m.type))
    .map(m => ({ start: m.start, end: m.end, type: m.type, surface: normalise(text.slice(m.start, m.end)), fixed: false, confidence: (m as { confidence?: number }).confidence })));
  work = applyLexicon(text, work, lexicon);
  unifyTypes(work);
  shortFormsFollowFullNames(work);
  const expansions = new Map<string, string>();
  work = linkAcronyms(text, work, expansions);
  work = propagate(text, work);
  return buildEntities(work, expansions);
}
