// The questions the editor (workspace symbols, references, definition, previews) and the CLI ask the corpus.
import type { Corpus } from './corpus';
import type { ChangePreview, CorpusMention, EntityMatch } from './types';

/**
 * Entities with an alias containing `query` (case folded, spaces collapsed): aliases starting with it first, then
 * by mentions, then name. An empty query matches every entity (its canonical name). At most `limit` results.
 */
export function findEntities(corpus: Corpus, query: string, limit = 200): EntityMatch[] {
  throw new Error('not implemented yet');
}

/** Every mention of the entity in every article, by path, then offset. Empty for an unknown id. */
export function mentionsOf(corpus: Corpus, entityId: string): CorpusMention[] {
  throw new Error('not implemented yet');
}

/** What renaming the entity touches: its mentions and the articles they are in. */
export function previewRename(corpus: Corpus, entityId: string): ChangePreview {
  throw new Error('not implemented yet');
}

/** What merging the entities touches: the mentions and articles of all of them (the sidecars whose entities change). */
export function previewMerge(corpus: Corpus, entityIds: readonly string[]): ChangePreview {
  throw new Error('not implemented yet');
}
