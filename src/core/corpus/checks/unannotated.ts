// A name the user annotated by hand in another article, left unannotated here where it occurs as a whole word.
import { withoutOverlapsWith } from '../../spans';
import type { EntityType, Span } from '../../types';
import type { CorpusArticle, Finding } from '../types';
import { contributionOf, type CorpusTables } from './tables';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** The types in preferredType's order (./tables.ts): a tie goes to the first. */
const TYPE_ORDER = ['person', 'place', 'organization'] as const satisfies readonly EntityType[];
const isBoundary = (text: string, i: number) => i < 0 || i >= text.length || !WORD_CHAR.test(text[i]);

export function unannotatedFindings(article: CorpusArticle, tables: CorpusTables, rejected: ReadonlySet<string>): Finding[] {
  const own = contributionOf(article).manual;
  const taken: Span[] = [...article.annotations, ...(article.rejections ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  const hits: { start: number; end: number; name: string; type: EntityType }[] = [];
  for (const [name, byType] of tables.manual) {
    if (rejected.has(name)) continue;
    // annotated by hand in another article (this article's own manual annotations do not count)
    let type: EntityType | undefined;
    let best = 0;
    // in a fixed order, so a tie goes the same way however the table was filled (the editor's is edited article by
    // article, the CLI's made at once)
    for (const t of TYPE_ORDER) {
      const n = byType.get(t);
      if (n === undefined) continue;
      const elsewhere = n.articles - (own.get(name)?.has(t) ? 1 : 0);
      if (elsewhere > best) [type, best] = [t, elsewhere];
    }
    if (!type) continue;
    for (let i = article.text.indexOf(name); i >= 0; i = article.text.indexOf(name, i + 1)) {
      if (isBoundary(article.text, i - 1) && isBoundary(article.text, i + name.length)) hits.push({ start: i, end: i + name.length, name, type });
    }
  }
  if (hits.length === 0) return [];
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const free = withoutOverlapsWith(hits, taken);
  const out: Finding[] = [];
  let lastEnd = -1;
  for (const h of free) {
    if (h.start < lastEnd) continue; // the longer name already reported here
    lastEnd = h.end;
    out.push({
      code: 'unannotated',
      path: article.path,
      start: h.start,
      end: h.end,
      message: `"${h.name}" is annotated by hand as ${h.type === 'organization' ? 'an organization' : `a ${h.type}`} in other articles but not here`,
      fix: { kind: 'annotate', path: article.path, start: h.start, end: h.end, type: h.type, text: h.name },
    });
  }
  return out;
}
