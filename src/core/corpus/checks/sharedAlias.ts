// Two corpus entities of one type sharing an alias ("Assad" for both "Bashar al-Assad" and "Hafez al-Assad", or
// two spellings the linking could not tell apart): reported where the alias is mentioned, with a merge as the fix.
import type { Corpus } from '../corpus';
import { compareText } from '../members';
import { nameKey } from '../names';
import type { CorpusArticle, Finding } from '../types';

export function sharedAliasFindings(corpus: Corpus, article: CorpusArticle): Finding[] {
  // the corpus keeps the alias table up to date as entities change: nothing corpus-wide is built here
  if (!corpus.hasSharedAliases) return [];
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const a of article.annotations) {
    if (a.entity === undefined) continue;
    const k = `${a.type}\u0000${nameKey(a.text)}`;
    if (reported.has(k)) continue;
    const entities = corpus.entitiesWithAlias(k);
    if (entities.length < 2) continue;
    const mine = corpus.entityOf(article.path, a.entity);
    if (!mine || !entities.includes(mine)) continue;
    reported.add(k);
    // the most mentioned one is kept
    const ordered = [...entities].sort((x, y) => y.mentions - x.mentions || compareText(x.id, y.id));
    const others = ordered.filter(e => e !== mine).map(e => `"${e.name}"`);
    out.push({
      code: 'shared-alias',
      path: article.path,
      start: a.start,
      end: a.end,
      message: `"${a.text}" names both "${mine.name}" and ${others.join(', ')} in the corpus: merge them if they are the same`,
      fix: {
        kind: 'merge',
        entities: ordered.map(e => e.id),
        decision: {
          kind: 'merge',
          entity: { type: ordered[0].type, name: ordered[0].name },
          with: ordered.slice(1).map(e => ({ type: e.type, name: e.name })),
        },
      },
    });
  }
  return out;
}
