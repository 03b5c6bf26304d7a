// The linking's outcome in the corpus snapshot, recorded when the snapshot is written from a whole index: which names
// have candidates (linker.ts) and the groups of several names the linking made. Indexing the same articles again then
// makes the groups as recorded, with no rule worked out: the names' candidates and the indexes the rules look names
// up in are made when the index first changes (Linker.expectLinking), when they are needed to link again. The corpus is
// the one built without the record.
//
// A name is recorded as one of its members: its article's place in the snapshot and the member's place among that
// article's members (membersOf). The record is used only when the index is empty and is given exactly the snapshot's
// articles, each the one taken from its record (the same entities and mention counts, so the same names; the host's
// context holds the release, whose rules made the record): any other article, one more or one fewer, and the linking
// is worked out whole, as without a snapshot. The linker checks what it can cheaply (each name recorded once, each
// group's names in linking order, each name said to have candidates has some); the snapshot's checksum covers the record.
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

/** The record of a linking, as numbers: two per name (its first member's article's place, that member's place). */
export interface LinksRecord {
  /** The names that have candidates, in number order. */
  joining: number[];
  /** The groups of several names, each its names in linking order. */
  groups: number[][];
}

/**
 * The numbers recording the index's linking; undefined when `articles` are not exactly the index's (the snapshot then
 * records no linking).
 */
export function linksOf(index: Corpus, articles: readonly CorpusArticle[]): LinksRecord | undefined {
  if (articles.length !== index.size) return undefined;
  const place = new Map<string, number>();
  for (let i = 0; i < articles.length; i++) {
    if (index.article(articles[i].path) !== articles[i]) return undefined;
    place.set(articles[i].path, i);
  }
  const numbersOf = (n: NameNode, out: number[]): boolean => {
    const m = n.members[0];
    const at = place.get(m.article.path);
    const k = index.membersOf(m.article.path).indexOf(m);
    if (at === undefined || k < 0) return false;
    out.push(at, k);
    return true;
  };
  const joining: number[] = [];
  for (const n of index.linkingJoining()) if (!numbersOf(n, joining)) return undefined;
  const groups: number[][] = [];
  for (const names of index.linkingGroups()) {
    const group: number[] = [];
    for (const n of names) if (!numbersOf(n, group)) return undefined;
    groups.push(group);
  }
  return { joining, groups };
}

/** The linking a snapshot recorded, as the names of the members just made of its articles (Linker.expectLinking). */
export interface RecordedLinking {
  /** The names that have candidates. */
  joining: NameNode[];
  /** The groups of several names, each in linking order. */
  groups: NameNode[][];
}

/**
 * The linking the snapshot recorded, among the members just made of `articles` (by path); undefined when the snapshot
 * recorded none or the articles are not exactly its own, each taken from its record.
 */
export function linkingOf(
  snapshot: CorpusSnapshot,
  articles: ReadonlyMap<string, CorpusArticle>,
  members: ReadonlyMap<string, Member[]>,
): RecordedLinking | undefined {
  const { links, groups } = snapshot;
  if (links === undefined || groups === undefined || articles.size !== snapshot.records.size) return undefined;
  const paths: string[] = new Array<string>(snapshot.records.size);
  let at = 0;
  // the records' values, not their entries (no [path, record] pair made per record; the record has its path)
  for (const record of snapshot.records.values()) {
    const article = articles.get(record.path);
    if (article === undefined || taken.get(record) !== article) return undefined;
    paths[at++] = record.path;
  }
  const nameAt = (numbers: Int32Array, i: number) => members.get(paths[numbers[i]])?.[numbers[i + 1]]?.linked;
  const joining: NameNode[] = new Array<NameNode>(links.length / 2);
  for (let i = 0; i < links.length; i += 2) {
    const n = nameAt(links, i);
    if (n === undefined) return undefined;
    joining[i / 2] = n;
  }
  const several: NameNode[][] = [];
  for (let i = 0; i < groups.length;) {
    const k = groups[i++];
    const names: NameNode[] = new Array<NameNode>(k);
    for (let j = 0; j < k; j++, i += 2) {
      const n = nameAt(groups, i);
      if (n === undefined) return undefined;
      names[j] = n;
    }
    several.push(names);
  }
  return { joining, groups: several };
}
