// Changing the decisions: pure functions returning a new value (the host writes it, and keeps the old one for undo).
import { displayName } from '../names';
import { DECISIONS_VERSION, type Correction, type CorpusDecisions, type EntityDecision } from '../types';

export function emptyDecisions(): CorpusDecisions {
  return { version: DECISIONS_VERSION, entities: [], corrections: [] };
}

/** Appends a decision about entities (they apply in order, so a later one sees the earlier ones' result). */
export function addEntityDecision(decisions: CorpusDecisions, decision: EntityDecision): CorpusDecisions {
  return { ...decisions, entities: [...decisions.entities, decision] };
}

/** Records an "every article" correction of a name, replacing any earlier correction of the same name. */
export function setCorrection(decisions: CorpusDecisions, correction: Correction): CorpusDecisions {
  const name = displayName(correction.name);
  const rest = decisions.corrections.filter(c => displayName(c.name) !== name);
  return { ...decisions, corrections: [...rest, { ...correction, name }] };
}

/** Drops the "every article" correction of `name`, if there is one. */
export function removeCorrection(decisions: CorpusDecisions, name: string): CorpusDecisions {
  const key = displayName(name);
  return { ...decisions, corrections: decisions.corrections.filter(c => displayName(c.name) !== key) };
}
