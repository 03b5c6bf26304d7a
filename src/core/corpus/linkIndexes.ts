// What the linking rules (./linkRules.ts) look names up in: aliases, the long names containing a word, names by their
// words, initials and acronym letters, kept up to date name by name. Separate from the rules, which only read it.
import { isShortFormOf } from '../entities';
import type { EntityType } from '../types';
import { numbersOfNode, type NameNode } from './linkNodes';
import { acronymLetters, firstForms, initialsOf, isAcronymName, lettersOf } from './linkRules';
import type { Member } from './members';
import { numberedWords } from './names';

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
/** No initials (a name of one word). */
const NONE_WORDS: readonly string[] = Object.freeze([]);

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
      const words = numbersOfNode(n);
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
      const words = numbersOfNode(n);
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

  /** The names by their words (what shortFormsOf looks in), made from every name when first needed. */
  private namesByWords(): Map<string, NameNode[]> {
    if (!this.byWords) {
      this.byWords = new Map();
      for (const x of this.names()) addTo(this.byWords, wordsKey(x.type, x.words), x);
    }
    return this.byWords;
  }

  /** Makes now what the first change after a first linking makes (the names by their words). */
  prepare(): void {
    this.namesByWords();
  }

  /** The names that are short forms of `n` (their candidates include it by the second rule). */
  shortFormsOf(n: NameNode): NameNode[] {
    const out: NameNode[] = [];
    const L = n.words.length;
    if (L < 2 || n.type === 'place') return out;
    const byWords = this.namesByWords();
    const look = (from: number, to: number) => {
      for (const s of byWords.get(wordsKey(n.type, n.words.slice(from, to))) ?? []) if (isShortFormOf(n.type, n.words, s.words)) out.push(s);
    };
    for (let len = 1; len < L; len++) for (let s = 0; s + len <= L; s++) look(s, s + len);
    return out;
  }
}
