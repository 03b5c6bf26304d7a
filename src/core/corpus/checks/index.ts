// Consistency checks over the corpus. Corpus-wide tables (types per name, names annotated by hand, aliases per
// entity) are built once per corpus version; the findings of one article then cost that article only.
import type { Corpus } from '../corpus';
import type { Finding } from '../types';

/** The findings located in one article, sorted by offset (what the editor shows as that file's diagnostics). */
export function checkArticle(corpus: Corpus, path: string): Finding[] {
  throw new Error('not implemented yet');
}

/** The findings of every article, by path then offset. */
export function checkCorpus(corpus: Corpus): Finding[] {
  throw new Error('not implemented yet');
}
