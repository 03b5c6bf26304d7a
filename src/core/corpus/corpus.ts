// The corpus: the index of articles (set, replace, remove one at a time), the files that could not be indexed,
// and the user's decisions; corpus entities are derived on demand and cached until something changes.
import type { DecidedGroup } from './decisions/apply';
import { emptyDecisions } from './decisions/edit';
import { buildCorpusEntities, type EntityTable } from './entities';
import { compareText, memberKey, membersOf, type Member } from './members';
import type { CorpusArticle, CorpusDecisions, CorpusEntity, UnindexedArticle } from './types';

export class Corpus {
  private readonly byPath = new Map<string, CorpusArticle>();
  private readonly membersByPath = new Map<string, Member[]>();
  private readonly failed = new Map<string, string>();
  private current: CorpusDecisions;
  private table: EntityTable | undefined;
  private changes = 0;

  constructor(decisions: CorpusDecisions = emptyDecisions()) {
    this.current = decisions;
  }

  /** Bumped by every change: a cheap key for caches kept outside (views, diagnostics). */
  get version(): number {
    return this.changes;
  }

  /** Adds or replaces an article (cost: that article's entities and annotations). Clears it from the unindexed list. */
  setArticle(article: CorpusArticle): void {
    this.byPath.set(article.path, article);
    this.membersByPath.set(article.path, membersOf(article));
    this.failed.delete(article.path);
    this.changed();
  }

  /** Forgets an article (deleted, renamed away, no longer an article); also from the unindexed list. */
  removeArticle(path: string): boolean {
    const had = this.byPath.delete(path) || this.failed.delete(path);
    this.membersByPath.delete(path);
    if (had) this.changed();
    return had;
  }

  /** Records that the host could not index `path` (unreadable, too large, not UTF-8 ...); drops it from the index. */
  setUnindexed(path: string, reason: string): void {
    this.byPath.delete(path);
    this.membersByPath.delete(path);
    this.failed.set(path, reason);
    this.changed();
  }

  /** The files that could not be indexed, sorted by path. */
  unindexed(): UnindexedArticle[] {
    return [...this.failed].map(([path, reason]) => ({ path, reason })).sort((a, b) => compareText(a.path, b.path));
  }

  article(path: string): CorpusArticle | undefined {
    return this.byPath.get(path);
  }

  /** The indexed articles, sorted by path. */
  articles(): CorpusArticle[] {
    return [...this.byPath.values()].sort((a, b) => compareText(a.path, b.path));
  }

  /** The indexed paths, in no particular order (cheap: no sorting, no copying of articles). */
  paths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  get size(): number {
    return this.byPath.size;
  }

  get decisions(): CorpusDecisions {
    return this.current;
  }

  /** Replaces the decisions (the decisions file changed, or the user decided something). */
  setDecisions(decisions: CorpusDecisions): void {
    this.current = decisions;
    this.changed();
  }

  /** Every corpus entity, sorted by type, then name, then id. */
  entities(): readonly CorpusEntity[] {
    return this.entityTable().list;
  }

  entity(id: string): CorpusEntity | undefined {
    return this.entityTable().byId.get(id);
  }

  /** The corpus entity an article's own entity (`e3` in `path`) belongs to. */
  entityOf(path: string, articleEntity: string): CorpusEntity | undefined {
    return this.entityTable().byMember.get(memberKey(path, articleEntity));
  }

  /** The corpus entity of the annotation at `offset` in `path` (an offset at a mention's end counts). */
  entityAt(path: string, offset: number): CorpusEntity | undefined {
    const article = this.byPath.get(path);
    if (!article) return undefined;
    const a = article.annotations.find(x => x.entity && x.start <= offset && offset < x.end) ?? article.annotations.find(x => x.entity && x.end === offset);
    return a?.entity ? this.entityOf(path, a.entity) : undefined;
  }

  /** @internal The decided group an article entity belongs to (whether a rename applies to it). */
  groupOf(path: string, articleEntity: string): DecidedGroup | undefined {
    return this.entityTable().groupOf.get(memberKey(path, articleEntity));
  }

  /** @internal The members of every article (for the corpus-wide steps). */
  allMembers(): Iterable<Member[]> {
    return this.membersByPath.values();
  }

  /** @internal The members of one article. */
  membersOf(path: string): readonly Member[] {
    return this.membersByPath.get(path) ?? [];
  }

  private entityTable(): EntityTable {
    return (this.table ??= buildCorpusEntities(this.allMembers(), this.current));
  }

  private changed(): void {
    this.changes++;
    this.table = undefined;
  }
}
