// The linking's outcome in the corpus snapshot: which names have candidates (linker.ts), recorded when the snapshot is
// written from a whole index, so that indexing the same articles again works out only those names' candidates (a
// fifth of the names; finding that the others have none was most of the linking's cost). The joins, the groups and
// the entities are then made as by any first linking, from those candidates: the corpus is the one built without it.
//
// A name is recorded as one of its members: its article's place in the snapshot and the member's place among that
// article's members (membersOf). The record is used only when the index is empty and is given exactly the snapshot's
// articles, each the one taken from its record (the same entities and mention counts, so the same names): any other
// article, one more or one fewer, and the linking is worked out whole, as without a snapshot. The linker checks what
// it can cheaply (each name recorded has candidates); the snapshot's checksum covers the record.
import type { Corpus } from './corpus';
import type { NameNode } from './linkNodes';
import type { Member } from './members';
import type { CorpusSnapshot, SnapshotRecord } from './snapshot';
import type { CorpusArticle } from './types';

/** The article taken last from each record (corpusArticleFromSnapshot): a record never taken has none. */
const taken = new WeakMap<SnapshotRecord, CorpusArticle>();

/** @internal Notes that `article` was taken from `record` (snapshotTake.ts). */
export function noteTaken(record: SnapshotRecord, article: CorpusArticle): void {
  taken.set(record, article);
}

/**
 * The numbers recording the index's linking, two per name that has candidates (its first member's article's place
 * in `articles`, that member's place among the article's members); undefined when `articles` are not exactly the
 * index's (the snapshot then records no linking).
 */
export function linksOf(index: Corpus, articles: readonly CorpusArticle[]): number[] | undefined {
  if (articles.length !== index.size) return undefined;
  const place = new Map<string, number>();
  for (let i = 0; i < articles.length; i++) {
    if (index.article(articles[i].path) !== articles[i]) return undefined;
    place.set(articles[i].path, i);
  }
  const out: number[] = [];
  for (const n of index.linkingJoining()) {
    const m = n.members[0];
    const at = place.get(m.article.path);
    const k = index.membersOf(m.article.path).indexOf(m);
    if (at === undefined || k < 0) return undefined;
    out.push(at, k);
  }
  return out;
}

/**
 * The names the snapshot recorded as having candidates, among the members just made of `articles` (by path); undefined
 * when the snapshot recorded no linking or the articles are not exactly its own, each taken from its record.
 */
export function joiningOf(
  snapshot: CorpusSnapshot,
  articles: ReadonlyMap<string, CorpusArticle>,
  members: ReadonlyMap<string, Member[]>,
): NameNode[] | undefined {
  const links = snapshot.links;
  if (links === undefined || articles.size !== snapshot.records.size) return undefined;
  const paths: string[] = new Array<string>(snapshot.records.size);
  let at = 0;
  // the records' values, not their entries (no [path, record] pair made per record; the record has its path)
  for (const record of snapshot.records.values()) {
    const article = articles.get(record.path);
    if (article === undefined || taken.get(record) !== article) return undefined;
    paths[at++] = record.path;
  }
  const out: NameNode[] = new Array<NameNode>(links.length / 2);
  for (let i = 0; i < links.length; i += 2) {
    const n = members.get(paths[links[i]])?.[links[i + 1]]?.linked;
    if (n === undefined) return undefined;
    out[i / 2] = n;
  }
  return out;
}
