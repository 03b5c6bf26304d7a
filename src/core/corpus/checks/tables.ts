// What the checks need to know about the whole corpus, kept up to date one article at a time: each article's
// contribution (types per name, names annotated by hand) is computed once per article object, and the totals are
// adjusted by the articles that changed since the last look, never recounted from scratch.
import { ENTITY_TYPE_SET } from '../../entities';
import type { AnnotationType, EntityType } from '../../types';
import type { Corpus } from '../corpus';
import { displayName, nameKey } from '../names';
import type { CorpusArticle } from '../types';

/** How a name is typed: per type, its mentions, the articles it has that type in, and how many of each were set by hand. */
export type TypeCounts = Map<EntityType, { mentions: number; articles: number; manual: number; manualArticles: number }>;

interface Contribution {
  /** nameKey -> type -> mentions (and manual ones). */
  types: Map<string, Map<EntityType, { mentions: number; manual: number }>>;
  /** Names annotated by hand (display form, case kept) -> type -> count. */
  manual: Map<string, Map<EntityType, number>>;
}

export interface CorpusTables {
  types: Map<string, TypeCounts>;
  manual: Map<string, Map<EntityType, { mentions: number; articles: number }>>;
}

const contributions = new WeakMap<CorpusArticle, Contribution>();

export function contributionOf(article: CorpusArticle): Contribution {
  let c = contributions.get(article);
  if (c) return c;
  c = { types: new Map(), manual: new Map() };
  for (const a of article.annotations) {
    if (!ENTITY_TYPE_SET.has(a.type)) continue;
    const type = a.type as EntityType;
    const key = nameKey(a.text);
    let byType = c.types.get(key);
    if (!byType) c.types.set(key, (byType = new Map()));
    const t = byType.get(type) ?? { mentions: 0, manual: 0 };
    t.mentions++;
    if (a.source === 'manual') t.manual++;
    byType.set(type, t);
    if (a.source === 'manual') {
      const name = displayName(a.text);
      let m = c.manual.get(name);
      if (!m) c.manual.set(name, (m = new Map()));
      m.set(type, (m.get(type) ?? 0) + 1);
    }
  }
  contributions.set(article, c);
  return c;
}

interface State {
  seen: Map<string, CorpusArticle>;
  tables: CorpusTables;
  version: number;
}
const states = new WeakMap<Corpus, State>();

function add(tables: CorpusTables, c: Contribution, sign: 1 | -1): void {
  for (const [key, byType] of c.types) {
    let total = tables.types.get(key);
    if (!total) tables.types.set(key, (total = new Map()));
    for (const [type, n] of byType) {
      const t = total.get(type) ?? { mentions: 0, articles: 0, manual: 0, manualArticles: 0 };
      t.mentions += sign * n.mentions;
      t.manual += sign * n.manual;
      if (n.manual > 0) t.manualArticles += sign;
      t.articles += sign;
      if (t.articles === 0) total.delete(type);
      else total.set(type, t);
    }
    if (total.size === 0) tables.types.delete(key);
  }
  for (const [name, byType] of c.manual) {
    let total = tables.manual.get(name);
    if (!total) tables.manual.set(name, (total = new Map()));
    for (const [type, n] of byType) {
      const t = total.get(type) ?? { mentions: 0, articles: 0 };
      t.mentions += sign * n;
      t.articles += sign;
      if (t.articles === 0) total.delete(type);
      else total.set(type, t);
    }
    if (total.size === 0) tables.manual.delete(name);
  }
}

/** The corpus-wide tables for the corpus as it is now (cost: the articles changed since the last call). */
export function tablesOf(corpus: Corpus): CorpusTables {
  let state = states.get(corpus);
  if (!state) states.set(corpus, (state = { seen: new Map(), tables: { types: new Map(), manual: new Map() }, version: -1 }));
  if (state.version === corpus.version) return state.tables;
  const now = new Set<string>();
  for (const path of corpus.paths()) {
    now.add(path);
    const article = corpus.article(path)!;
    const before = state.seen.get(path);
    if (before === article) continue;
    if (before) add(state.tables, contributionOf(before), -1);
    add(state.tables, contributionOf(article), 1);
    state.seen.set(path, article);
  }
  for (const [path, article] of state.seen) {
    if (now.has(path)) continue;
    add(state.tables, contributionOf(article), -1);
    state.seen.delete(path);
  }
  state.version = corpus.version;
  return state.tables;
}

/** The type most of a name's mentions have, counting only those set by hand when there are any; ties: the earlier type in ANNOTATION_TYPES order. */
export function preferredType(counts: TypeCounts | undefined): { type: EntityType; manual: boolean } | undefined {
  if (!counts || counts.size === 0) return undefined;
  const manual = [...counts.values()].some(c => c.manual > 0);
  let best: EntityType | undefined;
  let bestScore = -1;
  for (const type of ['person', 'place', 'organization'] as const satisfies readonly AnnotationType[]) {
    const c = counts.get(type);
    if (!c) continue;
    const score = manual ? c.manual : c.mentions;
    if (score > bestScore) [best, bestScore] = [type, score];
  }
  return best && { type: best, manual };
}
