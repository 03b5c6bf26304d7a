// The corpus: the index of articles (set, replace, remove one at a time), the files that could not be indexed,
// and the user's decisions; corpus entities are derived on demand and cached until something changes.
import type { DecidedGroup } from './decisions/apply';
import { emptyDecisions } from './decisions/edit';
import { buildCorpusEntities, updateCounts, type EntityTable } from './entities';
import { compareText, membersOf, shapeOf, type Member } from './members';
import type { CorpusArticle, CorpusDecisions, CorpusEntity, UnindexedArticle } from './types';

export class Corpus {
  private readonly byPath = new Map<string, CorpusArticle>();
  private readonly membersByPath = new Map<string, Member[]>();
  private readonly failed = new Map<string, string>();
  private current: CorpusDecisions;
  private table: EntityTable | undefined;
  /** The table no longer matches the articles; `replaced` says how, when only members' counts changed. */
  private stale = false;
  /** Articles replaced since the last build by one of the same shape (same names, aliases, spellings): their old members. */
  private replaced: Map<string, Member[]> | undefined = new Map();
  private readonly shapeByPath = new Map<string, string>();
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
    const members = membersOf(article);
    const shape = shapeOf(members);
    const old = this.membersByPath.get(article.path);
    // same shape: the linking cannot change, only counts and first mentions (the common case of a save)
    if (old && this.shapeByPath.get(article.path) === shape) {
      if (this.replaced && !this.replaced.has(article.path)) this.replaced.set(article.path, old);
    } else this.replaced = undefined;
    this.byPath.set(article.path, article);
    this.membersByPath.set(article.path, members);
    this.shapeByPath.set(article.path, shape);
    this.failed.delete(article.path);
    this.changed();
  }

  /** Forgets an article (deleted, renamed away, no longer an article); also from the unindexed list. */
  removeArticle(path: string): boolean {
    const had = this.byPath.delete(path) || this.failed.delete(path);
    this.forget(path);
    if (had) this.changed();
    return had;
  }

  /** Records that the host could not index `path` (unreadable, too large, not UTF-8 ...); drops it from the index. */
  setUnindexed(path: string, reason: string): void {
    this.byPath.delete(path);
    this.forget(path);
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
    this.replaced = undefined;
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
    this.entityTable();
    return this.member(path, articleEntity)?.corpusEntity;
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
    this.entityTable();
    return this.member(path, articleEntity)?.decided;
  }

  /** @internal The members of every article (for the corpus-wide steps). */
  allMembers(): Iterable<Member[]> {
    return this.membersByPath.values();
  }

  /** @internal The members of one article. */
  membersOf(path: string): readonly Member[] {
    return this.membersByPath.get(path) ?? [];
  }

  private member(path: string, articleEntity: string): Member | undefined {
    // an article has tens of entities: a scan beats a corpus-wide map rebuilt on every change
    return this.membersByPath.get(path)?.find(m => m.entity === articleEntity);
  }

  private entityTable(): EntityTable {
    if (this.table && this.stale && this.replaced && updateCounts(this.table, this.replaced, this.membersByPath)) {
      this.stale = false;
    } else if (!this.table || this.stale) {
      this.table = buildCorpusEntities(this.allMembers(), this.current);
      this.stale = false;
    }
    this.replaced = new Map();
    return this.table;
  }

  private forget(path: string): void {
    if (this.membersByPath.get(path)?.length) this.replaced = undefined;
    this.membersByPath.delete(path);
    this.shapeByPath.delete(path);
  }

  private changed(): void {
    this.changes++;
    this.stale = true;
  }
}
