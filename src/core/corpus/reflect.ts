// Decisions written back into one article's sidecar entities, so a sidecar read alone still carries them.
import type { Entity } from '../types';
import type { Corpus } from './corpus';

/**
 * The article's entities with the corpus decisions reflected: the renamed canonical `name` (only when a rename
 * decision applies; otherwise the article's own name stays), `externalId` and `note` set, or removed when no
 * decision gives them. Returns the same array when nothing changes (the host then writes nothing). Pure.
 */
export function reflectDecisions(corpus: Corpus, path: string, entities: readonly Entity[]): readonly Entity[] {
  throw new Error('not implemented yet');
}
