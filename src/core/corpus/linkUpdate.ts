// The incremental update of the linking (Linker.update): the ordered pass replayed over the stored candidates and
// only the groups whose names changed made again (sweep), the groups of names whose members alone changed made again
// (regroup), and the names in linking order kept so (reorder). Separate from the first linking (./linkFirst.ts),
// which has no previous groups to compare with, and from the Linker, which decides which of these a change needs.
import { groupOf, namesOf } from './linkGroups';
import { onlyRoot, root, union } from './linkLists';
import { nodeOrder, sortByLinkingOrder, type LinkChange, type LinkedGroup, type NameNode } from './linkNodes';

/**
 * The ordered pass over the stored candidates of `names` (every name, in linking order), then the groups compared
 * with the previous ones: a root's names keep their group when they all had the same one, as many names as it had,
 * none of them changed (`dirty`). Nothing is allocated per name (the pass runs over every name on every change).
 */
export function sweep(names: readonly NameNode[], dirty: ReadonlySet<NameNode>, gone: ReadonlySet<NameNode>): LinkChange {
  for (const n of names) n.parent = n;
  for (const n of names) {
    const r = onlyRoot(n.candidates, n);
    if (r) union(r, n);
  }
  for (const n of names) {
    const r = root(n);
    n.parent = r;
    r.count = 0;
    r.was = UNSEEN;
  }
  for (const n of names) {
    const r = n.parent;
    r.count++;
    if (dirty.has(n)) r.was = MIXED;
    else if (r.was === UNSEEN) r.was = n.group;
    else if (r.was !== n.group) r.was = MIXED;
  }
  const changed = new Map<NameNode, NameNode[]>();
  const removed = new Set<LinkedGroup>();
  for (const n of gone) if (n.group) removed.add(n.group);
  for (const n of names) {
    const r = n.parent;
    const was = r.was;
    if (was && was !== MIXED && was !== UNSEEN && (was.names === undefined ? 1 : was.names.length) === r.count) continue;
    if (n.group) removed.add(n.group);
    const list = changed.get(r);
    if (list) list.push(n);
    else changed.set(r, [n]);
  }
  const added: LinkedGroup[] = [];
  for (const list of changed.values()) {
    const g = groupOf(list);
    for (const x of list) x.group = g;
    added.push(g);
  }
  return { removed: [...removed], added };
}

/** The groups of the changed names (`dirty`) made again over the same names (their members changed, not their links). */
export function regroup(dirty: ReadonlySet<NameNode>): LinkChange {
  const removed = new Set<LinkedGroup>();
  for (const n of dirty) if (n.group) removed.add(n.group);
  const added: LinkedGroup[] = [];
  for (const was of removed) {
    const names = namesOf(was);
    const g = groupOf(names);
    for (const x of names) x.group = g;
    added.push(g);
  }
  return { removed: [...removed], added };
}

/**
 * `ordered` (every name in linking order) with the new names (`added`) in and the vanished ones out: a few placed one
 * by one, many by sorting again. Returns the list, the same one changed in place unless names went.
 */
export function reorder(ordered: NameNode[], added: readonly NameNode[], gone: ReadonlySet<NameNode>): NameNode[] {
  const adding = added.filter(n => !gone.has(n));
  if (gone.size > 0) ordered = ordered.filter(n => !gone.has(n));
  if (adding.length > 64) {
    ordered.push(...adding);
    sortByLinkingOrder(ordered);
    return ordered;
  }
  for (const n of adding) {
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodeOrder(ordered[mid], n) < 0) lo = mid + 1;
      else hi = mid;
    }
    ordered.splice(lo, 0, n);
  }
  return ordered;
}

/** Markers of the comparison with the previous groups (NameNode.was). */
const UNSEEN = {} as unknown as LinkedGroup;
const MIXED = {} as unknown as LinkedGroup;
