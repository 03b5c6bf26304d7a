// Decisions written back into one article's sidecar entities, so a sidecar read alone still carries them.
import type { Entity } from '../types';
import type { Corpus } from './corpus';

/**
 * The article's entities with the corpus decisions reflected: the renamed canonical `name` (only when a rename
 * or split decision names the entity; otherwise the article's own name stays), `externalId` and `note` set, or
 * removed when no decision gives them. Returns the same array when nothing changes (the host then writes nothing).
 * The article must be indexed (its entities as the corpus knows them). Pure.
 */
export function reflectDecisions(corpus: Corpus, path: string, entities: readonly Entity[]): readonly Entity[] {
  let changed = false;
  const out = entities.map(e => {
    const group = corpus.groupOf(path, e.id);
    // not in the corpus (no mention of it in the indexed article): nothing decided about it
    if (!group) return e;
    const next: Entity = { id: e.id, type: e.type, name: group.name ?? ownName(e), aliases: e.aliases };
    if (group.externalId !== undefined) next.externalId = group.externalId;
    if (group.note !== undefined) next.note = group.note;
    if (next.name === e.name && next.externalId === e.externalId && next.note === e.note) return e;
    changed = true;
    return next;
  });
  return changed ? out : entities;
}

/** The article's own canonical name: a name the decisions no longer give goes back to its longest alias. */
function ownName(e: Entity): string {
  if (e.aliases.includes(e.name)) return e.name;
  return e.aliases.reduce((best, a) => (a.length > best.length ? a : best), e.aliases[0] ?? e.name);
}
