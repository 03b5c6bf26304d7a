// The corpus: the index of articles (set, replace, remove one at a time), the files that could not be indexed,
// and the user's decisions; corpus entities are derived on demand and cached until something changes.
import type { DecidedGroup } from './decisions/apply';
import { emptyDecisions } from './decisions/edit';
import { EntityTable, type EntityKeys } from './entities';
import { Linker } from './linker';
import { compareText, decidedNow, entityNow, membersOf, type Member } from './members';
import type { CorpusSnapshot } from './snapshot';
import { linkingOf } from './snapshotLinks';
import type { CorpusArticle, CorpusDecisions, CorpusEntity, UnindexedArticle } from './types';

/** Fewer articles than this are set one at a time by setArticles (linking them all again would cost more). */
const BULK_MIN = 64;

export class Corpus {
  private readonly byPath = new Map<string, CorpusArticle>();
  private readonly membersByPath = new Map<string, Member[]>();
  private readonly failed = new Map<string, string>();
  private current: CorpusDecisions;
  private linker = new Linker();
  private table = new EntityTable();
  /** The table no longer matches the articles (the linker holds the changes). */
  private stale = false;
  /** The decisions changed: every group is decided again. */
  private redecide = false;
  private changes = 0;
  private snapshot: { version: number; list: readonly CorpusEntity[] } | undefined;

  constructor(decisions: CorpusDecisions = emptyDecisions()) {
    this.current = decisions;
    this.redecide = decisions.entities.length > 0;
  }

  /** Bumped by every change: a cheap key for caches kept outside (views, diagnostics). */
  get version(): number {
    return this.changes;
  }

  /** Adds or replaces an article (cost: that article's entities and annotations). Clears it from the unindexed list. */
  setArticle(article: CorpusArticle): void {
    const members = membersOf(article);
    this.forget(article.path);
    this.byPath.set(article.path, article);
    this.membersByPath.set(article.path, members);
    this.linker.add(members);
    this.failed.delete(article.path);
    this.changed();
  }

  /**
   * Adds or replaces many articles (the first indexing, a rescan): the same corpus as setArticle for each in turn (a
   * path given twice: the later article). When they are most of the corpus, the names are linked again all at once
   * on the next look instead of one article at a time (cost: every article's entities and annotations).
   *
   * `snapshot`: the corpus snapshot the articles were taken from (corpusArticleFromSnapshot). When the corpus is empty
   * and the articles are exactly the snapshot's, each taken from its record, the linking the snapshot recorded
   * (snapshotLinks.ts) spares working out which names have candidates; otherwise it is not used. Same corpus either way.
   */
  setArticles(articles: Iterable<CorpusArticle>, snapshot?: CorpusSnapshot): void {
    const batch = new Map<string, CorpusArticle>();
    for (const a of articles) batch.set(a.path, a);
    if (batch.size === 0) return;
    if (batch.size < BULK_MIN || batch.size * 2 < this.byPath.size) {
      for (const a of batch.values()) this.setArticle(a);
      return;
    }
    const empty = this.byPath.size === 0 && this.membersByPath.size === 0;
    for (const a of batch.values()) {
      this.byPath.set(a.path, a);
      this.membersByPath.set(a.path, membersOf(a));
      this.failed.delete(a.path);
    }
    // linked again from nothing: the linker and the table start empty and take every article in path order
    const paths = [...this.membersByPath.keys()];
    this.linker = new Linker();
    // most hosts list articles sorted already: a check, not a sort with a comparison per step, and the lists taken in
    // the map's order (no lookup by path)
    if (isSorted(paths)) this.linker.addAll([...this.membersByPath.values()]);
    else this.linker.addAll(paths.sort(compareText).map(p => this.membersByPath.get(p)!));
    const recorded = empty && snapshot ? linkingOf(snapshot, batch, this.membersByPath) : undefined;
    if (recorded) this.linker.expectLinking(recorded);
    this.table = new EntityTable();
    this.changed();
  }

  /** Forgets an article (deleted, renamed away, no longer an article); also from the unindexed list. */
  removeArticle(path: string): boolean {
    const had = this.byPath.delete(path) || this.failed.delete(path);
    this.forget(path);
    if (had) this.changed();
    return had;
  }

  /**
   * Forgets every article and every unindexed file at once, the decisions kept: the corpus as new (a workspace
   * indexed anew). Removing 2,000 articles one by one relinks the names each leaves behind, a quarter of a second.
   */
  clear(): void {
    this.byPath.clear();
    this.membersByPath.clear();
    this.failed.clear();
    this.linker = new Linker();
    this.table = new EntityTable();
    this.redecide = this.current.entities.length > 0;
    this.changed();
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
    this.redecide = true;
    this.changed();
  }

  /** Every corpus entity, sorted by type, then name, then id. */
  entities(): readonly CorpusEntity[] {
    const list = this.entityTable().list;
    // a snapshot per version: the table's list is edited in place, and a caller may keep what it was given
    if (this.snapshot?.version !== this.changes) this.snapshot = { version: this.changes, list: list.slice() };
    return this.snapshot.list;
  }

  entity(id: string): CorpusEntity | undefined {
    const table = this.entityTable();
    // most ids are `type:key` of a linked name whose group no decision names: found through the linker's names, so
    // no map of every id is made for a first lookup (the table makes one for the others)
    const colon = id.indexOf(':');
    if (colon > 0) {
      const made = this.linker.name(`${id.slice(0, colon)}\u0000${id.slice(colon + 1)}`)?.group?.made;
      if (made?.id === id) return made;
    }
    return table.get(id);
  }

  /** The corpus entity an article's own entity (`e3` in `path`) belongs to. */
  entityOf(path: string, articleEntity: string): CorpusEntity | undefined {
    this.entityTable();
    const m = this.member(path, articleEntity);
    return m && entityNow(m);
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
    const m = this.member(path, articleEntity);
    return m && decidedNow(m);
  }

  /** @internal The members of one article. */
  membersOf(path: string): readonly Member[] {
    return this.membersByPath.get(path) ?? [];
  }

  private member(path: string, articleEntity: string): Member | undefined {
    // an article has tens of entities: a scan beats a corpus-wide map rebuilt on every change
    return this.membersByPath.get(path)?.find(m => m.entity === articleEntity);
  }

  /**
   * Makes now what the first change after indexing would otherwise make (the linking's rule indexes, left undone by a
   * linking taken from the snapshot's record; its names in linking order and by their words, which any first linking
   * leaves to the first change), so that change costs what it changes.
   * Never needed for correctness: a host calls it when idle after indexing.
   */
  prepareChanges(): void {
    this.entityTable();
    this.linker.prepare();
  }

  /** @internal Whether the linking's rule indexes are made (one taken from the snapshot's record leaves them to the first change or prepareChanges; tests ask). */
  get linkingIndexed(): boolean {
    this.entityTable();
    return !this.linker.indexesPending;
  }

  /** @internal Whether the linking was last made from nothing with the snapshot's record of it (tests ask). */
  get linkedFromSnapshot(): boolean {
    this.entityTable();
    return this.linker.usedExpected;
  }

  /** @internal The names that have candidates as of now (what the snapshot records of the linking: snapshotLinks.ts). */
  linkingJoining(): ReturnType<Linker['joining']> {
    this.entityTable();
    return this.linker.joining();
  }

  /** @internal The names of each group of several names as of now (the snapshot records them too). */
  linkingGroups(): ReturnType<Linker['severalGroups']> {
    this.entityTable();
    return this.linker.severalGroups();
  }

  /** @internal The entities having an alias (`type NUL alias key`), as of now. */
  entitiesWithAlias(key: string): readonly CorpusEntity[] {
    return this.entityTable().withAlias(key);
  }

  /**
   * @internal The entities whose name's or an alias's key (nameKey) contains `q` (not empty), as of now: the linker's
   * names and aliases (the name an entity has from its names among them), then the names decisions gave.
   */
  entitiesMatching(q: string): ReadonlySet<CorpusEntity> {
    const table = this.entityTable();
    const out = new Set<CorpusEntity>();
    this.linker.entitiesWithKeyContaining(q, out);
    table.decidedWithKeyContaining(q, out);
    return out;
  }

  /** @internal The entity's search keys (its name's and aliases' nameKey). */
  keysOf(entity: CorpusEntity): EntityKeys {
    return this.entityTable().keysOf(entity);
  }

  /** @internal The alias keys (`type NUL alias key`) two or more entities share, as of now (read it before the next change). */
  sharedAliasKeys(): ReadonlySet<string> {
    return this.entityTable().sharedAliasKeys();
  }

  /** @internal Whether two entities share any alias. */
  get hasSharedAliases(): boolean {
    return this.entityTable().hasSharedAliases;
  }

  /** The table brought up to date: the linking relinks only the names the changes touch, the table sums up only the groups that changed. */
  private entityTable(): EntityTable {
    if (!this.stale) return this.table;
    const change = this.linker.update();
    if (this.redecide) this.table.rebuild(this.linker.all(), this.current);
    else this.table.update(change, this.current);
    this.stale = false;
    this.redecide = false;
    return this.table;
  }

  private forget(path: string): void {
    const old = this.membersByPath.get(path);
    if (old) this.linker.remove(old);
    this.membersByPath.delete(path);
  }

  private changed(): void {
    this.changes++;
    this.stale = true;
  }
}

/** Whether the paths are in code-unit order (compareText). */
function isSorted(paths: readonly string[]): boolean {
  for (let i = 1; i < paths.length; i++) if (paths[i - 1] > paths[i]) return false;
  return true;
}
