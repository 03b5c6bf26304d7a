// The names the corpus-wide linking joins (NameNode: the members sharing one type and name key), the groups they form
// (LinkedGroup), what an update of the groups changed (LinkChange), and the linking order with the sorts into it.
// Separate from the rules (./linkRules.ts) and the linker (./linker.ts): the rest of the corpus code reads these types
// without depending on how names are linked.
import type { EntityType } from '../types';
import type { MemberEntity } from './memberEntity';
import { compareText, type Member } from './members';
import { nodeRanks, wordNumbersOf, type NameForms } from './names';

/** The members sharing one type and name key. */
export interface NameNode {
  type: EntityType;
  key: string;
  /** Member.node: `type NUL key`. */
  node: string;
  /** Member.nodeNumber. */
  number: number;
  words: string[];
  /**
   * The numbers of `words` (names.ts wordNumbersOf), worked out when first read (numbersOfNode): only the rules and
   * their indexes read them, and a first linking from a snapshot's record works out no rule.
   */
  wordNumbers: readonly number[] | undefined;
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
  // gathered, see linkFirst.ts linkAll), and the one previous group they all had
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

export interface LinkChange {
  /** Groups no longer there (their names changed, split, or joined others). */
  removed: LinkedGroup[];
  /** Groups new since the last update. */
  added: LinkedGroup[];
}

/** The numbers of the name's words, worked out on first ask. */
export const numbersOfNode = (n: NameNode): readonly number[] => (n.wordNumbers ??= wordNumbersOf(n.words));

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

/** A few names sorted into linking order (nodeOrder), by their node ranks (names.ts nodeRanks): no key compared. */
export function sortFewByLinkingOrder(names: NameNode[]): void {
  const ranks = nodeRanks();
  for (let i = 1; i < names.length; i++) {
    const n = names[i];
    const w = n.words.length;
    const rank = ranks[n.number];
    let j = i;
    for (; j > 0; j--) {
      const p = names[j - 1];
      if (p.words.length > w || (p.words.length === w && ranks[p.number] < rank)) break;
      names[j] = p;
    }
    names[j] = n;
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
