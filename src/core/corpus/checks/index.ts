// Consistency checks over the corpus. Corpus-wide tables (types per name, names annotated by hand, aliases per
// entity) are kept up to date per changed article; the findings of one article then cost that article only.
import type { Corpus } from '../corpus';
import { rejectedNames } from '../decisions/carryOver';
import { compareText } from '../members';
import type { Finding } from '../types';
import { sharedAliasFindings } from './sharedAlias';
import { tablesOf } from './tables';
import { typeFindings } from './types';
import { unannotatedFindings } from './unannotated';

const byPosition = (a: Finding, b: Finding) => compareText(a.path, b.path) || a.start - b.start || a.end - b.end || compareText(a.code, b.code);

/** The findings located in one article, sorted by offset (what the editor shows as that file's diagnostics). */
export function checkArticle(corpus: Corpus, path: string): Finding[] {
  const article = corpus.article(path);
  if (!article) return [];
  const tables = tablesOf(corpus);
  const rejected = new Set(rejectedNames(corpus.decisions));
  return [...typeFindings(article, tables), ...unannotatedFindings(article, tables, rejected), ...sharedAliasFindings(corpus, article)].sort(byPosition);
}

/** The findings of every article, by path then offset. */
export function checkCorpus(corpus: Corpus): Finding[] {
  return corpus.articles().flatMap(a => checkArticle(corpus, a.path));
}
