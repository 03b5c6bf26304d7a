// The Corpus view's nodes, shaped from the core's Corpus: types -> entities (article and mention counts) ->
// "Appears with" and the articles -> mentions with their line; and the files that could not be indexed. Plain data
// (no `vscode`), so Node tests what the view shows; corpusTree.ts turns the nodes into tree items.
import { entitiesContaining, ENTITY_TYPES, type Corpus, type CorpusEntity, type EntityType } from '../../core';

export type CorpusNode =
  | { kind: 'type'; type: EntityType; count: number }
  | { kind: 'entity'; id: string; type: EntityType; name: string; articles: number; mentions: number; externalId?: string; note?: string }
  | { kind: 'appearsWith'; entity: string }
  | { kind: 'together'; entity: string; id: string; type: EntityType; name: string; articles: number; sentences: number }
  | { kind: 'article'; entity: string; path: string; mentions: number }
  | { kind: 'mention'; entity: string; path: string; start: number; end: number; text: string; line: number; lineText: string }
  | { kind: 'unindexed'; count: number }
  | { kind: 'failed'; path: string; reason: string };

/**
 * The entities the filter shows (name or an alias containing the text, case and spacing ignored), worked out once per
 * state of the index and filter: the view asks for its top level and for each type it shows.
 */
const shownMemo = new WeakMap<Corpus, { version: number; filter: string; entities: readonly CorpusEntity[] }>();
function shownEntities(corpus: Corpus, filter: string): readonly CorpusEntity[] {
  let memo = shownMemo.get(corpus);
  if (memo?.version !== corpus.version || memo.filter !== filter) {
    memo = { version: corpus.version, filter, entities: entitiesContaining(corpus, filter) };
    shownMemo.set(corpus, memo);
  }
  return memo.entities;
}

/** The 0-based line of `offset` and that line's text. */
export function lineAt(text: string, offset: number): { line: number; lineText: string } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  const end = text.indexOf('\n', start);
  return { line, lineText: text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '') };
}

const entityNode = (e: CorpusEntity): CorpusNode => ({
  kind: 'entity',
  id: e.id,
  type: e.type,
  name: e.name,
  articles: e.articles.length,
  mentions: e.mentions,
  ...(e.externalId !== undefined ? { externalId: e.externalId } : {}),
  ...(e.note !== undefined ? { note: e.note } : {}),
});

export interface TreeQuery {
  filter: string;
  /** "Appears with" of an entity (the core's co-occurrence query). */
  appearsWith(entityId: string): { entity: CorpusEntity; articles: number; sentences: number }[];
}

export function corpusChildren(corpus: Corpus, query: TreeQuery, node?: CorpusNode): CorpusNode[] {
  const shown = () => shownEntities(corpus, query.filter);
  if (!node) {
    const entities = shown();
    const out: CorpusNode[] = ENTITY_TYPES.map(type => ({ kind: 'type' as const, type, count: entities.filter(e => e.type === type).length })).filter(
      n => n.count > 0,
    );
    const failed = corpus.unindexed().length;
    if (failed > 0) out.push({ kind: 'unindexed', count: failed });
    return out;
  }
  switch (node.kind) {
    case 'type':
      return shown()
        .filter(e => e.type === node.type)
        .map(entityNode);
    case 'entity': {
      const e = corpus.entity(node.id);
      if (!e) return [];
      return [{ kind: 'appearsWith', entity: e.id }, ...e.articles.map(a => ({ kind: 'article' as const, entity: e.id, path: a.path, mentions: a.mentions }))];
    }
    case 'appearsWith':
      return query.appearsWith(node.entity).map(c => ({
        kind: 'together',
        entity: node.entity,
        id: c.entity.id,
        type: c.entity.type,
        name: c.entity.name,
        articles: c.articles,
        sentences: c.sentences,
      }));
    case 'article': {
      const e = corpus.entity(node.entity);
      const article = corpus.article(node.path);
      const ids = new Set(e?.articles.find(a => a.path === node.path)?.entities ?? []);
      if (!article) return [];
      return article.annotations
        .filter(a => a.entity && ids.has(a.entity))
        .map(a => ({ kind: 'mention', entity: node.entity, path: node.path, start: a.start, end: a.end, text: a.text, ...lineAt(article.text, a.start) }));
    }
    case 'unindexed':
      return corpus.unindexed().map(u => ({ kind: 'failed', path: u.path, reason: u.reason }));
    default:
      return [];
  }
}
