// The automatic linking (./linkRules.ts's rules), kept up to date as articles change instead of rebuilt per save.
// Each name's candidates (the names a rule could join it to) depend only on which names exist and their aliases, so
// they are recomputed only for the names a change can touch; the ordered pass that decides the joins is then replayed
// over the stored candidates (a union-find sweep, no rule evaluated), and only the groups whose names changed are new.
// The result equals linking the corpus from scratch (test/unit/core/corpus/incremental.test.ts checks it at random).
// This file holds the Linker: its names, what changed since the last update, and which pass an update takes; the
// passes are ./linkFirst.ts (linking from nothing) and ./linkUpdate.ts (an incremental update).
import { linkAll } from './linkFirst';
import { LinkIndexes } from './linkIndexes';
import { insertByPath, sameNodes } from './linkLists';
import { sortByLinkingOrder, type LinkChange, type LinkedGroup, type NameNode } from './linkNodes';
import { candidatesOf, NO_CANDIDATES } from './linkRules';
import { regroup, reorder, sweep } from './linkUpdate';
import { compareText, entityNow, nodeNumberOf, nodeOfMember, type Member } from './members';
import { knownNumberOfNode, numberedNodes } from './names';
import type { RecordedLinking } from './snapshotLinks';
import type { CorpusEntity } from './types';

export class Linker {
  /**
   * The names by node number (Member.nodeNumber; a number no name of this linker has: undefined): a list read and
   * written by number, not a map filled again, key by key, on every build.
   */
  private readonly nodes: (NameNode | undefined)[] = [];
  /** How many names `nodes` holds. */
  private count = 0;
  /**
   * Every name in linking order (longer names first, then type, then key), once asked for (see `ordered`): a first
   * linking needs only its names that have candidates in that order, so it leaves this to be sorted when wanted.
   */
  private sorted: NameNode[] | undefined = [];
  private readonly indexes = new LinkIndexes(() => this.names());
  /** Names whose members changed since the last update. */
  private readonly dirty = new Set<NameNode>();
  /** Names made since the last update (not in `ordered` yet). */
  private added: NameNode[] = [];
  /** Alias nodes whose owners changed since the last update (those names' first rule changed). */
  private readonly aliasesChanged = new Set<string>();
  /**
   * Every name is new since the last update (members added to an empty linker): the next update links them all in
   * one pass, so nothing is noted per member (no dirty names, no changed aliases) until then.
   */
  private fresh = false;
  /** The linking a record of the same members gives (expectLinking), for the first linking. */
  private expected: RecordedLinking | undefined;
  /**
   * After a first linking that made the recorded groups: the names said to have candidates, whose candidates (and the
   * indexes the rules read, of every name) are worked out before the next change (indexPending).
   */
  private pending: readonly NameNode[] | undefined;
  /** @internal Whether the last first linking went by expectLinking's record (tests ask). */
  usedExpected = false;

  /**
   * Adds the members of many articles to an empty linker (the first indexing); on a linker that has names, the same
   * as adding each list. Lists in path order make each name's member list an append.
   */
  addAll(lists: Iterable<readonly Member[]>): void {
    // from nothing, articles coming in path order: each name's members appended, no paths compared
    let inOrder = this.count === 0;
    if (inOrder) this.fresh = true;
    let last: string | undefined;
    for (const members of lists) {
      if (inOrder && members.length > 0) {
        const path = members[0].article.path;
        if (last !== undefined && compareText(last, path) >= 0) inOrder = false;
        last = path;
      }
      this.add(members, inOrder);
    }
  }

  /**
   * Adds an article's members (sorted into each name by path, so the name's first member never depends on indexing
   * order); `append` when the article sorts after every article added.
   */
  add(members: readonly Member[], append = false): void {
    const fresh = this.fresh;
    if (!fresh) this.indexPending();
    // by index: this runs once per member of the corpus on a first indexing, before it is optimised (a for-of
    // allocates a result object per step until then)
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      const number = nodeNumberOf(m);
      let n = this.at(number);
      if (!n) {
        n = {
          type: m.type,
          key: m.forms.key,
          node: nodeOfMember(m),
          number,
          words: m.forms.words!,
          wordNumbers: undefined,
          // made with its first member: a list made empty then pushed to gets room for 16 more (most names have one)
          members: [m],
          parent: undefined as unknown as NameNode,
          candidates: NO_NAMES,
          // every field set here, so every name keeps one shape (fields added later would change it, name by name)
          group: undefined,
          count: 0,
          was: undefined,
          spelled: undefined,
          forms: m.forms,
        };
        n.parent = n;
        this.put(n);
        m.linked = n;
        // names indexed when linked, all at once (the first linking), else now
        if (fresh) {
          if (m.lists.nodes.length > 0) this.indexes.addAliases(n, m, undefined);
        } else {
          this.added.push(n);
          this.indexes.addNode(n);
          this.dirty.add(n);
          this.indexes.addAliases(n, m, this.aliasesChanged);
        }
        continue;
      }
      m.linked = n;
      // whether all members share one forms object does not depend on their order; once they vary it stays so until
      // the name is empty (a name whose members vary is only counted spelling by spelling)
      if (n.members.length === 0) {
        // every member gone (not linked again yet): the name starts again from this one
        n.forms = m.forms;
      } else if (n.forms !== undefined && n.forms !== m.forms) n.forms = undefined;
      if (fresh) {
        // nothing linked yet: no group shares the list
        if (append) n.members.push(m);
        else insertByPath(n.members, m);
        if (m.lists.nodes.length > 0) this.indexes.addAliases(n, m, undefined);
      } else {
        this.dirty.add(n);
        insertByPath(this.ownMembers(n), m);
        this.indexes.addAliases(n, m, this.aliasesChanged);
      }
    }
  }

  /**
   * The linking of a linker of the same members (the corpus snapshot records it): the names that have candidates,
   * and the groups of several names. The first linking then makes those groups and every other name's group of one,
   * working out no rule; the recorded names' candidates (every other name has none) and the rules' indexes are worked
   * out when the linker next changes or is asked which names have candidates. Checked as far as it is cheap (each
   * group's names are this linker's, each in one group, in linking order; later, each name said to have candidates
   * has some, none listed twice): a record that fails is not used (the groups worked out from the rules; failing
   * later, every name linked again at the next update). Only before the first linking of members added to an empty linker.
   */
  expectLinking(record: RecordedLinking): void {
    if (this.fresh) this.expected = record;
  }

  /**
   * Makes now what the next change would make first: the rules' indexes and candidates a first linking from a record
   * left (indexPending), every name in linking order (which a first linking leaves unsorted), and the names by their
   * words (which only a change reads).
   */
  prepare(): void {
    if (this.fresh) return;
    this.indexPending();
    void this.ordered;
    this.indexes.prepare();
  }

  /** @internal Whether a first linking from a record left the rules' indexes to be made (tests ask). */
  get indexesPending(): boolean {
    return this.pending !== undefined;
  }

  /** The rules' indexes and the recorded names' candidates, when a first linking from a record left them to be made. */
  private indexPending(): void {
    const joining = this.pending;
    if (joining === undefined) return;
    this.pending = undefined;
    // (no change since that linking: every name it kept is there, with members)
    for (const n of this.nodes) {
      if (n === undefined) continue;
      this.indexes.addNode(n);
      this.indexes.addSpelling(n);
    }
    for (const n of joining) {
      const listed = (n.number < this.nodes.length ? this.nodes[n.number] : undefined) === n && n.candidates === NO_CANDIDATES;
      const candidates = listed ? candidatesOf(n, this.indexes) : NO_CANDIDATES;
      if (candidates.length === 0) {
        // the record does not hold: every name linked again at the next update (its candidates all worked out)
        for (const x of this.nodes) if (x !== undefined) this.dirty.add(x);
        return;
      }
      n.candidates = candidates;
    }
  }

  /**
   * The names that have candidates, as of the last update (what expectLinking is given), in number order: worked out
   * again from the indexes, as a first linking would (not read from the names' stored candidates, which the changes
   * since keep right only where they matter to the joins).
   */
  joining(): NameNode[] {
    this.indexPending();
    const out: NameNode[] = [];
    for (const n of this.nodes) if (n !== undefined && n.members.length > 0 && candidatesOf(n, this.indexes).length > 0) out.push(n);
    return out;
  }

  /** Removes an article's members (as added). */
  remove(members: readonly Member[]): void {
    if (!this.fresh) this.indexPending();
    for (const m of members) {
      const n = this.at(nodeNumberOf(m));
      if (!n) continue;
      const at = n.members.indexOf(m);
      if (at < 0) continue;
      if (!this.fresh) this.dirty.add(n);
      this.ownMembers(n).splice(at, 1);
      this.indexes.removeAliases(n, m, this.fresh ? undefined : this.aliasesChanged);
    }
  }

  /** The name's member list, to change: a group of that one name shares it until then, and keeps the list as it was. */
  private ownMembers(n: NameNode): Member[] {
    if (n.group?.members === n.members) n.members = n.members.slice();
    return n.members;
  }

  /** The name of a node (`type NUL key`), if any member has it. */
  name(node: string): NameNode | undefined {
    const number = knownNumberOfNode(node);
    return number === undefined ? undefined : this.at(number);
  }

  private at(number: number): NameNode | undefined {
    return number < this.nodes.length ? this.nodes[number] : undefined;
  }

  private put(n: NameNode): void {
    // grown to every number given so far at once, with undefined (not holes: a list with holes is read slower)
    if (n.number >= this.nodes.length) for (let i = this.nodes.length, end = numberedNodes(); i < end; i++) this.nodes.push(undefined);
    this.nodes[n.number] = n;
    this.count++;
  }

  private drop(n: NameNode): void {
    this.nodes[n.number] = undefined;
    this.count--;
  }

  /** Every name, in number order. */
  private *names(): IterableIterator<NameNode> {
    for (const n of this.nodes) if (n !== undefined) yield n;
  }

  /**
   * Adds to `out` the corpus entities (as the entity table last made them) having an alias whose key contains `q`:
   * found from the names, each name's key and the alias index's keys tested once, instead of from every member's
   * alias list (a walk over every member of the corpus costs more than the search). A name whose group a decision
   * names is looked at member by member (its members may have gone to several entities).
   */
  entitiesWithKeyContaining(q: string, out: Set<CorpusEntity>): void {
    // by number (any order: a set is filled)
    const names = this.nodes;
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      if (n === undefined) continue;
      const made = n.group?.made;
      if (made !== undefined) {
        if (n.key.includes(q)) out.add(made);
        continue;
      }
      for (let k = 0; k < n.members.length; k++) {
        const m = n.members[k];
        const entity = entityNow(m);
        if (entity !== undefined && !out.has(entity) && m.lists.keys.some(key => key.includes(q))) out.add(entity);
      }
    }
    // the other aliases of the members (`type NUL key`): the key after the type
    this.indexes.aliasOwners.forEach((owners, alias) => {
      if (!alias.includes(q) || alias.indexOf(q, alias.indexOf('\u0000') + 1) < 0) return;
      for (const n of owners) {
        const made = n.group?.made;
        if (made !== undefined) out.add(made);
      }
    });
  }

  /** Every name in linking order (sorted when first asked after a first linking). */
  private get ordered(): NameNode[] {
    if (this.sorted === undefined) {
      const names: NameNode[] = [];
      for (const n of this.nodes) if (n !== undefined) names.push(n);
      sortByLinkingOrder(names);
      this.sorted = names;
    }
    return this.sorted;
  }

  /** The names of each group of several names, in linking order, as of the last update (what expectLinking is given). */
  severalGroups(): NameNode[][] {
    const out: NameNode[][] = [];
    // (a group made again by an update keeps a list of its names even when it has one)
    for (const n of this.nodes) if (n !== undefined && n.group?.first === n && n.group.names !== undefined && n.group.names.length > 1) out.push(n.group.names);
    return out;
  }

  /** Every group, as of the last update (each named by its names, so none is kept apart: found from its first name). */
  all(): LinkedGroup[] {
    const out: LinkedGroup[] = [];
    for (const n of this.ordered) if (n.group?.first === n) out.push(n.group);
    return out;
  }

  /** Brings the groups up to date; returns what changed. */
  update(): LinkChange {
    if (this.fresh) return this.linkFirst();
    this.indexPending();
    if (this.dirty.size === 0) return { removed: [], added: [] };
    // many names changed (the first indexing): every name's candidates again, no neighbourhoods worked out
    const bulk = this.dirty.size * 4 > this.count;
    // the names whose candidates may have changed (in bulk, every name's are worked out again: none noted)
    const touched = new Set<NameNode>();
    if (!bulk) {
      for (const key of this.aliasesChanged) {
        const n = this.name(key);
        if (n) touched.add(n);
      }
    }
    this.aliasesChanged.clear();
    const gone = new Set<NameNode>();
    for (const n of this.dirty) {
      // its first member (acronym and initials indexes) may have changed with its members
      this.indexes.removeSpelling(n, touched);
      // a new or vanished long name changes the candidates of its short forms
      if (!bulk) for (const s of this.indexes.shortFormsOf(n)) touched.add(s);
      if (n.members.length === 0) {
        this.drop(n);
        this.indexes.removeNode(n);
        gone.add(n);
      } else if (!bulk) touched.add(n);
    }
    for (const n of this.dirty) if (!gone.has(n)) this.indexes.addSpelling(n, touched);
    // no name made or gone and no candidates changed (a save that changed counts, not names): the linking pass would
    // join the same names, so only the changed names' groups are summed up again
    let sameLinks = !bulk && this.added.length === 0 && gone.size === 0;
    // `ordered` with the new names in and the vanished ones out (not sorted yet: sorted from the names as they are when asked)
    if (this.sorted !== undefined) this.sorted = reorder(this.sorted, this.added, gone);
    this.added = [];
    for (const n of bulk ? this.ordered : touched) {
      if (gone.has(n)) continue;
      const next = candidatesOf(n, this.indexes);
      if (sameLinks && !sameNodes(n.candidates, next)) sameLinks = false;
      n.candidates = next;
    }
    const change = sameLinks ? regroup(this.dirty) : sweep(this.ordered, this.dirty, gone);
    this.dirty.clear();
    return change;
  }

  /** Every name linked at once (./linkFirst.ts linkAll), the first update of members added to an empty linker. */
  private linkFirst(): LinkChange {
    this.fresh = false;
    const expected = this.expected;
    this.expected = undefined;
    const first = linkAll(this.nodes, this.count, this.indexes, expected);
    // the names whose members all went before it are dropped
    this.count = first.count;
    this.usedExpected = first.usedExpected;
    this.pending = first.pending;
    // the names sorted into linking order when first asked (most builds never ask)
    this.sorted = undefined;
    return first.change;
  }
}

const NO_NAMES: readonly NameNode[] = Object.freeze([]);
