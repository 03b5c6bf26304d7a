// The questions the editor (workspace symbols, references, definition, previews) and the CLI ask the corpus.
import type { Corpus } from './corpus';
import { compareText } from './members';
import { nameKey } from './names';
import type { ChangePreview, CorpusEntity, CorpusMention, EntityMatch } from './types';

/**
 * Entities with an alias containing `query` (case folded, spaces collapsed): aliases starting with it first, then
 * by mentions, then name. An empty query matches every entity (its canonical name). At most `limit` results.
 */
export function findEntities(corpus: Corpus, query: string, limit = 200): EntityMatch[] {
  const q = nameKey(query);
  const hits: { match: EntityMatch; prefix: boolean }[] = [];
  // the entities whose name or an alias matches, found from the corpus's names (each key tested once): only they are
  // read alias by alias (reading an entity's aliases merges its members' lists); the order is the sort's below
  if (!q) for (const entity of corpus.entities()) hits.push({ match: { entity, alias: entity.name }, prefix: true });
  for (const entity of q ? corpus.entitiesMatching(q) : []) {
    const keys = corpus.keysOf(entity);
    // the canonical name first, so it is the alias shown when it matches
    let best: { alias: string; prefix: boolean } | undefined;
    const { key, aliasKeys } = keys;
    for (let i = -1; i < aliasKeys.length; i++) {
      const alias = i < 0 ? entity.name : entity.aliases[i];
      const at = (i < 0 ? key : aliasKeys[i]).indexOf(q);
      if (at < 0) continue;
      const prefix = at === 0 || /\s/.test(alias[at - 1] ?? '');
      if (!best || (prefix && !best.prefix)) best = { alias, prefix };
      if (prefix) break;
    }
    if (best) hits.push({ match: { entity, alias: best.alias }, prefix: best.prefix });
  }
  hits.sort(
    (a, b) =>
      Number(b.prefix) - Number(a.prefix) ||
      b.match.entity.mentions - a.match.entity.mentions ||
      compareText(nameKey(a.match.entity.name), nameKey(b.match.entity.name)) ||
      compareText(a.match.entity.id, b.match.entity.id),
  );
  return hits.slice(0, limit).map(h => h.match);
}

/**
 * Every entity whose canonical name or an alias contains `text` (case folded, spaces collapsed), in the corpus's order
 * (type, name, id); every entity for an empty text. Found from the corpus's names, as findEntities finds them, not by
 * reading every entity's aliases: the Corpus view's filter asks again after each change of the index (tens of
 * thousands of entities).
 */
export function entitiesContaining(corpus: Corpus, text: string): readonly CorpusEntity[] {
  const q = nameKey(text);
  const all = corpus.entities();
  if (!q) return all;
  const found = new Set<CorpusEntity>();
  for (const entity of corpus.entitiesMatching(q)) {
    const { key, aliasKeys } = corpus.keysOf(entity);
    if (key.includes(q) || aliasKeys.some(k => k.includes(q))) found.add(entity);
  }
  return all.filter(e => found.has(e));
}

/** Every mention of the entity in every article, by path, then offset. Empty for an unknown id. */
export function mentionsOf(corpus: Corpus, entityId: string): CorpusMention[] {
  const entity = corpus.entity(entityId);
  if (!entity) return [];
  const out: CorpusMention[] = [];
  for (const { path, entities } of entity.articles) {
    const article = corpus.article(path);
    if (!article) continue;
    const ids = new Set(entities);
    for (const a of article.annotations)
      if (a.entity !== undefined && ids.has(a.entity)) out.push({ path, start: a.start, end: a.end, text: a.text, annotation: a.id });
  }
  out.sort((a, b) => compareText(a.path, b.path) || a.start - b.start);
  return out;
}

/** What renaming the entity touches: its mentions and the articles they are in. */
export function previewRename(corpus: Corpus, entityId: string): ChangePreview {
  return previewMerge(corpus, [entityId]);
}

/** What merging the entities touches: the mentions and articles of all of them (the sidecars whose entities change). */
export function previewMerge(corpus: Corpus, entityIds: readonly string[]): ChangePreview {
  const entities = [...new Set(entityIds)].map(id => corpus.entity(id)).filter((e): e is CorpusEntity => e !== undefined);
  const paths = new Set<string>();
  let mentions = 0;
  for (const e of entities) {
    mentions += e.mentions;
    for (const a of e.articles) paths.add(a.path);
  }
  return { mentions, articles: paths.size, paths: [...paths].sort(compareText) };
}
