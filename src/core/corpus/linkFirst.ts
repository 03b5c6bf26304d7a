// The first linking: every name of a linker filled from nothing linked at once, with no previous groups to compare
// with, optionally working out candidates only for the names a snapshot says have any (Linker.expectJoining).
// Separate from the incremental update (./linkUpdate.ts): it runs once per indexing over every name, with its own
// shortcuts (no bookkeeping per name, a group of one name made without a list of names).
import { groupOf, groupOfOne } from './linkGroups';
import type { LinkIndexes } from './linkIndexes';
import { onlyRoot, root, union } from './linkLists';
import { sortByLinkingOrder, sortFewByLinkingOrder, type LinkChange, type LinkedGroup, type NameNode } from './linkNodes';
import { candidatesOf, NO_CANDIDATES } from './linkRules';

/** What linkAll did: the groups, how many names the linker has left, whether it took expectJoining's list. */
export interface FirstLinking {
  change: LinkChange;
  count: number;
  usedExpected: boolean;
}

/**
 * Every name linked at once (all of them new, no previous groups to compare with): the ordered pass of ./linkUpdate.ts
 * `sweep` without its bookkeeping. The result is the same as adding the articles one at a time. `nodes`: the linker's
 * names by number (`size` of them), a name whose members all went dropped from it.
 */
export function linkAll(nodes: (NameNode | undefined)[], size: number, indexes: LinkIndexes, expected: readonly NameNode[] | undefined): FirstLinking {
  // the loops go by index: this runs once per indexing, mostly before it is optimised, when
  // a for-of allocates a result object per step
  const names: NameNode[] = new Array<NameNode>(size);
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n === undefined) continue;
    // members removed again before this first update (never indexed: add left that to here)
    if (n.members.length === 0) {
      nodes[n.number] = undefined;
      continue;
    }
    names[count++] = n;
    indexes.addNode(n);
    indexes.addSpelling(n);
  }
  names.length = count;
  // the names that have candidates: only they join others, in linking order (the others' order does not matter)
  const joining: NameNode[] = [];
  const usedExpected = expected !== undefined && onlyExpected(expected, nodes, names, indexes, joining);
  if (!usedExpected) {
    joining.length = 0;
    for (let i = 0; i < count; i++) {
      const n = names[i];
      const candidates = candidatesOf(n, indexes);
      n.candidates = candidates;
      n.parent = n;
      n.count = 0;
      if (candidates.length > 0) joining.push(n);
    }
  }
  sortByLinkingOrder(joining);
  for (let i = 0; i < joining.length; i++) {
    const n = joining[i];
    const r = onlyRoot(n.candidates, n);
    if (r) union(r, n);
  }
  // each root's names counted first, so a root of one name (most) gets its group at once and no list of names
  let roots = 0;
  for (let i = 0; i < count; i++) {
    const n = names[i];
    const r = root(n);
    n.parent = r;
    if (r.count++ === 0) roots++;
  }
  const added: LinkedGroup[] = new Array<LinkedGroup>(roots);
  // the names of each group of several, by the group's place in `added` (its root's count is -1 - that place)
  const gathered: NameNode[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const n = names[i];
    const r = n.parent;
    if (r.count < 0) gathered[-1 - r.count].push(n);
    else if (r.count === 1) {
      const g = groupOfOne(n);
      n.group = g;
      added[at++] = g;
    } else {
      // the group comes in its first name's place (made once its names are gathered, below)
      while (gathered.length < at) gathered.push(NO_LIST);
      gathered.push([n]);
      r.count = -1 - at++;
    }
  }
  for (let i = 0; i < gathered.length; i++) {
    const list = gathered[i];
    if (list === NO_LIST) continue;
    // a group's names in linking order (gathered in number order)
    sortFewByLinkingOrder(list);
    const g = groupOf(list);
    for (let k = 0; k < list.length; k++) list[k].group = g;
    added[i] = g;
  }
  return { change: { removed: [], added }, count, usedExpected };
}

/**
 * linkAll's candidates when the names that have any are known (expectJoining): only theirs worked out, into
 * `joining`; false when the list does not hold (a name not this linker's, listed twice, or without candidates).
 */
function onlyExpected(
  expected: readonly NameNode[],
  nodes: readonly (NameNode | undefined)[],
  names: readonly NameNode[],
  indexes: LinkIndexes,
  joining: NameNode[],
): boolean {
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    n.candidates = NO_CANDIDATES;
    n.parent = n;
    n.count = 0;
  }
  for (let i = 0; i < expected.length; i++) {
    const n = expected[i];
    if ((n.number < nodes.length ? nodes[n.number] : undefined) !== n || n.members.length === 0 || n.candidates !== NO_CANDIDATES) return false;
    const candidates = candidatesOf(n, indexes);
    if (candidates.length === 0) return false;
    n.candidates = candidates;
    joining.push(n);
  }
  return true;
}

/** No group of several names at a place of linkAll's `gathered`. */
const NO_LIST: NameNode[] = [];
