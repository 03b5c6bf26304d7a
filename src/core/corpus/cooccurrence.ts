// "Appears with": the entities mentioned in the same articles and the same sentences as a given one.
import type { Corpus } from './corpus';
import type { CoOccurrence } from './types';

/**
 * The entities sharing most articles with `entityId` (then most sentences, then name), with both counts; sentences
 * as the core's sentenceBounds cuts them. At most `limit`; empty for an unknown id.
 */
export function appearsWith(corpus: Corpus, entityId: string, limit = 20): CoOccurrence[] {
  throw new Error('not implemented yet');
}
