// Automatic linking of article entities across the corpus, by the article-level rules: the same type and name;
// else a name used as an alias elsewhere; else a short form of exactly one longer name ("Putin" joins "Vladimir
// Putin" when no other corpus person has that surname); else an acronym whose initials match exactly one name.
// Ambiguous cases stay apart (the user can merge them). Names are visited longer first (then by type and key), each
// joining the one group its candidates lead to at that point; ./linker.ts keeps this up to date as articles change.
// This file holds the rules: which names a name's candidates are, and the indexes that find them.
import { isAcronymOf, isShortFormOf } from '../entities';
import type { EntityType } from '../types';
import type { MemberEntity } from './memberEntity';
import { compareText, type Member } from './members';
import { idOf, nodeRanks, numberedWords, type NameForms } from './names';

/** The members sharing one type and name key. */
export interface NameNode {
  type: EntityType;
  key: string;
  /** Member.node: `type NUL key`. */
  node: string;
  /** Member.nodeNumber. */
  number: number;
  words: string[];
  /** The numbers of `words` (names.ts wordNumbersOf). */
  wordNumbers: readonly number[];
  /** Sorted by path (an article's own members in its order): the first one's spelling is the name's. */
  members: Member[];
  /** Union-find parent during the linking pass. */
  parent: NameNode;
  /**
   * The names the first rule that has any would join it to (it joins them when they all lead to one group). Shared:
   * never modified through here. A one-word person's is the index's own list of the longer persons with its word
   * (LinkIndexes.containing), which changes only when a name comes or goes, and then the linker works it out again.
   */
  candidates: readonly NameNode[];
  /** Its group as of the last linking. */
  group?: LinkedGroup;
  // scratch of the linking pass, on a root: how many names it has (a first linking: below 0 once its names are
  // gathered, see Linker.linkAll), and the one previous group they all had
  count: number;
  was?: LinkedGroup;
  /** The spelling the name is indexed under (LinkIndexes.addSpelling), if it is. */
  spelled: string | undefined;
  /**
   * The forms every member has, or undefined when its members may spell it in more than one way (read here rather
   * than through a member: the linking reads a name's spelling in several passes, and a member is one more object to fetch).
   */
  forms: NameForms | undefined;
}

/** A group of linked names: one corpus entity before the user's decisions. */
export interface LinkedGroup {
  type: EntityType;
  /** The most common spelling of its longest name (a DecidedGroup's automatic name: a group no decision names is its own decided group). */
  autoName: string;
  /** nameKey(autoName). */
  autoKey: string;
  /** `type:key` of that name. */
  id: string;
  /** The node number of that name (its place in node order: names.ts nodeRanks). */
  number: number;
  members: Member[];
  /** Its first name in linking order. */
  first: NameNode;
  /** Its names, in linking order; undefined for a group of one name (most groups: no list made for them, see namesOf). */
  names: NameNode[] | undefined;
  /** The entity the entity table made of it, when no decision names it (set by the table). */
  made: MemberEntity | undefined;
}

/** Linking order: longer names first, then by type and key (the result does not depend on indexing order). */
export const nodeOrder = (a: NameNode, b: NameNode): number => b.words.length - a.words.length || compareText(a.type, b.type) || compareText(a.key, b.key);

/**
 * `names` sorted into linking order (nodeOrder), many at once: each placed by its node's rank among every numbered
 * node (names.ts nodeRanks: type, then key), then by word count, longer first, keeping that order (no key compared).
 */
export function sortByLinkingOrder(names: NameNode[]): void {
  const ranks = nodeRanks();
  const list = names.slice();
  // each rank's name as its place in `list` plus one (0: none); a typed list, as it has a place for every numbered node
  const byRank = new Int32Array(ranks.length);
  // names per word count, then where each count's names start (the longest first)
  const counts: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    byRank[ranks[n.number]] = i + 1;
    const w = n.words.length;
    while (counts.length <= w) counts.push(0);
    counts[w]++;
  }
  const next = new Array<number>(counts.length);
  let at = 0;
  for (let w = counts.length - 1; w >= 0; w--) {
    next[w] = at;
    at += counts[w];
  }
  for (let r = 0; r < byRank.length; r++) {
    if (byRank[r] === 0) continue;
    const n = list[byRank[r] - 1];
    names[next[n.words.length]++] = n;
  }
}

/**
 * Groups sorted by their name's node (type, then key: the entity list's order of the entities made of them), each
 * placed by its node's rank (names.ts nodeRanks), no key compared. Each group's name is its own (one group per name).
 */
export function sortByNode(groups: LinkedGroup[]): void {
  const ranks = nodeRanks();
  const list = groups.slice();
  // each rank's group as its place in `list` plus one (0: none)
  const byRank = new Int32Array(ranks.length);
  for (let i = 0; i < list.length; i++) byRank[ranks[list[i].number]] = i + 1;
  let at = 0;
  for (let r = 0; r < byRank.length; r++) if (byRank[r] !== 0) groups[at++] = list[byRank[r] - 1];
}

const ACRONYM = /^[\p{Lu}][\p{Lu}.&-]{1,11}$/u;
/** Whether a name of `type` spelled `name` is an acronym the third rule links ("NATO", "U.S."; never a person). */
export const isAcronymName = (type: EntityType, name: string): boolean => type !== 'person' && !name.includes(' ') && ACRONYM.test(name);
const lettersOf = (acronym: string) => acronym.replace(/[^\p{Lu}]/gu, '');
/**
 * The letters of a spelling that is an acronym of a type other than person (isAcronymName), '' when it is none:
 * worked out once per spelling of the process (kept with its forms), not per name and build.
 */
const acronymLetters = (f: NameForms): string => (f.acronym ??= !f.display.includes(' ') && ACRONYM.test(f.display) ? lettersOf(f.display) : '');

const UPPER_AT = /\p{Lu}/uy;
/** The initials of a name's words (space-separated): all of them upper-cased, and those of its capitalised words alone when they differ. */
export const initialsOf = (name: string): string[] => {
  // one pass, no word list made (it runs for every name of two or more words when the corpus is indexed)
  let all = '';
  let capitals = '';
  for (let i = 0; i < name.length; i++) {
    if (name[i] === ' ' || (i > 0 && name[i - 1] !== ' ')) continue;
    all += name[i].toUpperCase();
    UPPER_AT.lastIndex = i;
    if (UPPER_AT.test(name)) capitals += name[i];
  }
  return all === capitals ? [all] : [all, capitals];
};

/** The spelling a name's acronym and initials rules look at: its first member's. */
const spellingOf = (n: NameNode): string => firstForms(n).display;
/** The forms of a name's first member. */
const firstForms = (n: NameNode): NameForms => n.forms ?? n.members[0].forms;

type PerType<T> = Record<Exclude<EntityType, never>, T>;
const perType = <T>(make: () => T): PerType<T> => ({ person: make(), place: make(), organization: make() });

// lists, not sets (most hold one name; order never matters: the rules only ask which names, see onlyRoot); each
// caller adds a name under a key at most once
function addTo<K>(map: Map<K, NameNode[]>, key: K, n: NameNode): void {
  const list = map.get(key);
  if (list) list.push(n);
  else map.set(key, [n]);
}
function removeFrom<K>(map: Map<K, NameNode[]>, key: K, n: NameNode): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(n);
  if (at < 0) return;
  list[at] = list[list.length - 1];
  list.pop();
  if (list.length === 0) map.delete(key);
}
const touchAll = (list: readonly NameNode[] | undefined, touched: Set<NameNode>) => {
  if (list) for (const n of list) touched.add(n);
};
const wordsKey = (type: EntityType, words: readonly string[]) => `${type}\u0000${words.join('\u0001')}`;

/** What the rules look names up in, kept up to date name by name; every change notes the names whose candidates it may change. */
export class LinkIndexes {
  /**
   * Alias node (`type NUL key`) -> the names whose members use it as an alias, a name once per member using it, in
   * the order they first did (a list, not a map of counts: most aliases have one name, and a map is an object more).
   */
  readonly aliasOwners = new Map<string, NameNode[]>();
  /**
   * Per type, word -> the names of two or more words containing it (the second rule's long names: none of places,
   * as no name is a short form of a place, so places are not indexed).
   */
  readonly containing = perType((): (NameNode[] | undefined)[] => []);
  /**
   * Per type, words -> the names with exactly those words (to find a long name's short forms): only a change after
   * the first linking asks, so it is made then, from every name.
   */
  private byWords: Map<string, NameNode[]> | undefined;
  /** Per type (not persons), initials -> the names of two or more words with them. */
  readonly byInitials = perType(() => new Map<string, NameNode[]>());
  /** Per type, letters -> the acronym names with them (whose candidates a long name's spelling changes). */
  private readonly acronyms = perType(() => new Map<string, NameNode[]>());
  constructor(private readonly names: () => Iterable<NameNode>) {}

  addNode(n: NameNode): void {
    if (this.byWords) addTo(this.byWords, wordsKey(n.type, n.words), n);
    if (n.words.length >= 2 && n.type !== 'place') {
      const words = n.wordNumbers;
      const containing = this.containing[n.type];
      // grown to every number given so far at once, with undefined (not holes: a list with holes is read slower)
      if (containing.length < numberedWords()) for (let i = containing.length, end = numberedWords(); i < end; i++) containing.push(undefined);
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        // a word repeated in the name ("New New York"): the name is under it once
        if (i > 0 && words.lastIndexOf(w, i - 1) >= 0) continue;
        const list = containing[w];
        if (list) list.push(n);
        else containing[w] = [n];
      }
    }
  }

  removeNode(n: NameNode): void {
    if (this.byWords) removeFrom(this.byWords, wordsKey(n.type, n.words), n);
    if (n.words.length >= 2 && n.type !== 'place') {
      const containing = this.containing[n.type];
      const words = n.wordNumbers;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        const list = containing[w];
        const at = list ? list.indexOf(n) : -1;
        if (at < 0) continue;
        list![at] = list![list!.length - 1];
        list!.pop();
        if (list!.length === 0) containing[w] = undefined;
      }
    }
  }

  /** Indexes the name's spelling (acronym, initials); the acronyms that could now match it are touched (none noted when linking everything). */
  addSpelling(n: NameNode, touched?: Set<NameNode>): void {
    const first = firstForms(n);
    n.spelled = first.display;
    // the initials of a spelling are worked out once (kept with its forms)
    if (n.type !== 'person')
      this.spelling(n, acronymLetters(first), n.words.length >= 2 ? (first.initials ??= initialsOf(first.display)) : NONE_WORDS, touched, addTo);
  }

  removeSpelling(n: NameNode, touched: Set<NameNode>): void {
    const name = n.spelled;
    if (name === undefined) return;
    n.spelled = undefined;
    if (n.type !== 'person')
      this.spelling(n, isAcronymName(n.type, name) ? lettersOf(name) : '', n.words.length >= 2 ? initialsOf(name) : NONE_WORDS, touched, removeFrom);
  }

  /** `letters`: those of the spelling when it is an acronym, else ''. */
  private spelling(n: NameNode, letters: string, initials: readonly string[], touched: Set<NameNode> | undefined, change: typeof addTo): void {
    if (n.words.length >= 2) {
      for (let k = 0; k < initials.length; k++) {
        change(this.byInitials[n.type], initials[k], n);
        if (touched) touchAll(this.acronyms[n.type].get(initials[k]), touched);
      }
    }
    if (letters !== '') change(this.acronyms[n.type], letters, n);
  }

  /** Counts the member's aliases as used by `n`; notes in `changed` the aliases `n` did not use before. */
  addAliases(n: NameNode, m: Member, changed: Set<string> | undefined): void {
    const nodes = m.lists.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      const owners = this.aliasOwners.get(a);
      if (owners === undefined) {
        this.aliasOwners.set(a, [n]);
        changed?.add(a);
      } else {
        if (changed !== undefined && !owners.includes(n)) changed.add(a);
        owners.push(n);
      }
    }
  }

  /** The reverse of addAliases; notes the aliases `n` no longer uses. */
  removeAliases(n: NameNode, m: Member, changed: Set<string> | undefined): void {
    for (const a of m.lists.nodes) {
      const owners = this.aliasOwners.get(a);
      const at = owners === undefined ? -1 : owners.lastIndexOf(n);
      if (at < 0) continue;
      // its last use goes: the first stays where it was while any remains
      owners!.splice(at, 1);
      if (owners!.includes(n)) continue;
      if (owners!.length === 0) this.aliasOwners.delete(a);
      changed?.add(a);
    }
  }

  /** The names that are short forms of `n` (their candidates include it by the second rule). */
  shortFormsOf(n: NameNode): NameNode[] {
    const out: NameNode[] = [];
    const L = n.words.length;
    if (L < 2 || n.type === 'place') return out;
    if (!this.byWords) {
      this.byWords = new Map();
      for (const x of this.names()) addTo(this.byWords, wordsKey(x.type, x.words), x);
    }
    const byWords = this.byWords;
    const look = (from: number, to: number) => {
      for (const s of byWords.get(wordsKey(n.type, n.words.slice(from, to))) ?? []) if (isShortFormOf(n.type, n.words, s.words)) out.push(s);
    };
    for (let len = 1; len < L; len++) for (let s = 0; s + len <= L; s++) look(s, s + len);
    return out;
  }
}

/** The names `n` may join, by the first rule that has any: names using it as an alias, longer names it is a short form of, names its acronym stands for. */
export function candidatesOf(n: NameNode, indexes: LinkIndexes): readonly NameNode[] {
  // 1. its name is another name's alias in some article
  const owners = indexes.aliasOwners.get(n.node);
  if (owners) {
    // the owners other than itself, each once, in the order they first used it
    let list: NameNode[] | undefined;
    for (let i = 0; i < owners.length; i++) {
      const o = owners[i];
      if (o === n || (list !== undefined && list.includes(o))) continue;
      if (list === undefined) list = [o];
      else list.push(o);
    }
    if (list !== undefined) return list;
  }
  // 2. a short form of longer names (never a place: isShortFormOf says no to every place)
  if (n.words.length > 0 && n.type !== 'place') {
    let pool: NameNode[] | undefined;
    const containing = indexes.containing[n.type];
    const words = n.wordNumbers;
    for (let i = 0; i < words.length; i++) {
      const list = words[i] < containing.length ? containing[words[i]] : undefined;
      if (!list) {
        pool = undefined;
        break;
      }
      if (!pool || list.length < pool.length) pool = list;
    }
    let full: NameNode[] | undefined;
    // a one-word person is a short form of every longer person with its word (a run of one word): the whole pool,
    // nothing compared (most of the names the second rule looks at), and not copied (see NameNode.candidates: the
    // linker recomputes a name's candidates whenever a name comes or goes, before it reads them again)
    if (pool && words.length === 1 && n.type === 'person') return pool;
    if (pool) {
      for (let i = 0; i < pool.length; i++) {
        const c = pool[i];
        // a list made with its first name (an empty one pushed to gets room for 16 more)
        if (isShortFormByNumber(n.type, c.wordNumbers, words)) {
          if (full) full.push(c);
          else full = [c];
        }
      }
    }
    if (full) return full;
  }
  // 3. an acronym ("NATO", "U.S.") and the names with its initials
  // a name with a space is no acronym (its key has one when its spelling has): its spelling is not read
  if (n.type === 'person' || n.key.includes(' ')) return NONE;
  const first = firstForms(n);
  const letters = acronymLetters(first);
  if (letters === '') return NONE;
  const name = first.display;
  const full = indexes.byInitials[n.type].get(letters);
  if (!full) return NONE;
  const out = full.filter(c => isAcronymOf(name, spellingOf(c)));
  return out.length > 0 ? out : NONE;
}

/**
 * isShortFormOf (../entities) on the words' numbers (names.ts wordNumbersOf: one number per distinct word, so equal
 * numbers are equal words): the same answer, numbers compared instead of strings (it runs for every name against
 * every longer name sharing its rarest word).
 */
function isShortFormByNumber(type: EntityType, long: readonly number[], short: readonly number[]): boolean {
  if (type === 'place') return false;
  const L = long.length;
  const S = short.length;
  if (S >= L || S === 0) return false;
  if (type === 'organization' && S === 1 && long[L - 1] === short[0]) return true;
  const maxStart = type === 'organization' ? 0 : L - S;
  for (let s = 0; s <= maxStart; s++) {
    let k = 0;
    while (k < S && long[s + k] === short[k]) k++;
    if (k === S) return true;
  }
  return false;
}

/** No candidates (most names): one shared list, never modified. */
const NONE: readonly NameNode[] = Object.freeze([]);
/** The candidates of a name that has none (candidatesOf's own empty list). */
export const NO_CANDIDATES = NONE;
const NONE_WORDS: readonly string[] = Object.freeze([]);

/** The group of `names` (in linking order): named after its longest name in most articles. */
export function groupOf(names: NameNode[]): LinkedGroup {
  // among equally long names, the one in most articles (not most mentions: an edit that only adds mentions then
  // changes no id)
  let best = names[0];
  for (let i = 1; i < names.length; i++) {
    const x = names[i];
    if (x.words.length === best.words.length && x.members.length > best.members.length) best = x;
  }
  // a group of one name shares its member list (the linker copies a name's list before changing it, see ownMembers)
  let members = best.members;
  if (names.length > 1) {
    members = [];
    for (let i = 0; i < names.length; i++) {
      const list = names[i].members;
      for (let k = 0; k < list.length; k++) members.push(list[k]);
    }
  }
  // the id made once per spelling and type (the members of a name share its key)
  return {
    type: best.type,
    autoName: commonestSpelling(best),
    autoKey: best.key,
    id: idOf(firstForms(best), best.type),
    number: best.number,
    members,
    first: names[0],
    names,
    made: undefined,
  };
}

/** The group of one name (most groups): it shares the name's member list (see groupOf). */
export function groupOfOne(n: NameNode): LinkedGroup {
  return {
    type: n.type,
    autoName: commonestSpelling(n),
    autoKey: n.key,
    id: idOf(firstForms(n), n.type),
    number: n.number,
    members: n.members,
    first: n,
    names: undefined,
    made: undefined,
  };
}

/** A group's names, in linking order. */
export const namesOf = (g: LinkedGroup): NameNode[] => g.names ?? [g.first];

/** The spelling most articles use (ties: code-unit order), so "Vladimir Putin" wins over one "vladimir putin". */
function commonestSpelling(node: NameNode): string {
  // every member with the same forms (most names, known from the linker): nothing to compare
  if (node.forms !== undefined) return node.forms.display;
  const members = node.members;
  const forms = members[0].forms;
  const first = forms.display;
  let same = true;
  // the same forms: the same spelling (most names), no string compared
  for (let i = 1; same && i < members.length; i++) same = members[i].forms === forms || members[i].forms.display === first;
  // one spelling (most names): nothing to count
  if (same) return first;
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.forms.display, (counts.get(m.forms.display) ?? 0) + 1);
  let best = '';
  let n = -1;
  for (const [name, c] of counts) if (c > n || (c === n && compareText(name, best) < 0)) [best, n] = [name, c];
  return best;
}
