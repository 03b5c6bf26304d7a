// The first linking: every name of a linker filled from nothing linked at once, with no previous groups to compare
// with; or the groups a snapshot recorded made as they were (Linker.expectLinking), no rule worked out. Separate from
// the incremental update (./linkUpdate.ts): it runs once per indexing over every name, with its own shortcuts (no
// bookkeeping per name, a group of one name made without a list of names).
import { groupOf, groupOfOne } from './linkGroups';
import type { LinkIndexes } from './linkIndexes';
import { onlyRoot, root, union } from './linkLists';
import { nodeOrder, sortByLinkingOrder, sortFewByLinkingOrder, type LinkChange, type LinkedGroup, type NameNode } from './linkNodes';
import { candidatesOf, NO_CANDIDATES } from './linkRules';
import type { RecordedLinking } from './snapshotLinks';

/** What linkAll did: the groups, how many names the linker has left, whether it went by the record. */
export interface FirstLinking {
  change: LinkChange;
  count: number;
  usedExpected: boolean;
  /**
   * When the recorded groups were made: the names the record says have candidates, whose candidates (and the indexes
   * of every name) are still to be worked out (Linker.indexPending). Undefined when the indexes are made.
   */
  pending: readonly NameNode[] | undefined;
}

/**
 * Every name linked at once (all of them new, no previous groups to compare with): the ordered pass of ./linkUpdate.ts
 * `sweep` without its bookkeeping. The result is the same as adding the articles one at a time. `nodes`: the linker's
 * names by number (`size` of them), a name whose members all went dropped from it. With the record of a linker of the
 * same members (`expected`) that holds, its groups are made as recorded instead (recordedGroups).
 */
export function linkAll(nodes: (NameNode | undefined)[], size: number, indexes: LinkIndexes, expected: RecordedLinking | undefined): FirstLinking {
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
  }
  names.length = count;
  if (expected !== undefined) {
    const added = recordedGroups(names, nodes, expected.groups);
    if (added !== undefined) return { change: { removed: [], added }, count, usedExpected: true, pending: expected.joining };
  }
  for (let i = 0; i < count; i++) {
    indexes.addNode(names[i]);
    indexes.addSpelling(names[i]);
  }
  // the names that have candidates: only they join others, in linking order (the others' order does not matter)
  const joining: NameNode[] = [];
  for (let i = 0; i < count; i++) {
    const n = names[i];
    const candidates = candidatesOf(n, indexes);
    n.candidates = candidates;
    n.parent = n;
    n.count = 0;
    if (candidates.length > 0) joining.push(n);
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
  return { change: { removed: [], added }, count, usedExpected: false, pending: undefined };
}

/**
 * The groups of a record (Linker.expectLinking): each group of several as recorded, every other name a group of its
 * own, in the order linkAll adds them (a group in its first name's place by number); undefined when the record does
 * not hold (a name not this linker's or in two groups, a group's names out of linking order). Every name is left with
 * no candidates (the recorded names get theirs later, see FirstLinking.pending).
 */
function recordedGroups(names: readonly NameNode[], nodes: readonly (NameNode | undefined)[], groups: readonly NameNode[][]): LinkedGroup[] | undefined {
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    n.candidates = NO_CANDIDATES;
    n.parent = n;
    n.count = 0;
  }
  // each name of a group of several marked with its group (count -1 - the group's place); a name marked twice, one
  // not this linker's, or a group out of linking order: the record does not hold
  let inGroups = 0;
  for (let g = 0; g < groups.length; g++) {
    const list = groups[g];
    for (let k = 0; k < list.length; k++) {
      const n = list[k];
      if ((n.number < nodes.length ? nodes[n.number] : undefined) !== n || n.members.length === 0 || n.count !== 0) return undefined;
      if (k > 0 && nodeOrder(list[k - 1], n) >= 0) return undefined;
      n.count = -1 - g;
    }
    inGroups += list.length;
  }
  const added: LinkedGroup[] = new Array<LinkedGroup>(names.length - inGroups + groups.length);
  const made: (LinkedGroup | undefined)[] = new Array<LinkedGroup | undefined>(groups.length).fill(undefined);
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (n.count === 0) {
      const g = groupOfOne(n);
      n.group = g;
      added[at++] = g;
      continue;
    }
    const place = -1 - n.count;
    if (made[place] !== undefined) continue;
    const list = groups[place];
    const g = groupOf(list);
    for (let k = 0; k < list.length; k++) list[k].group = g;
    made[place] = g;
    added[at++] = g;
  }
  return added;
}

/** No group of several names at a place of linkAll's `gathered`. */
const NO_LIST: NameNode[] = [];
