// Small helpers over lists of names and members shared by the linker's passes (./linker.ts, ./linkFirst.ts,
// ./linkUpdate.ts): the union-find of the ordered linking pass, a member placed in a name's list by path, and two
// candidate lists compared. Separate so that the first linking and the incremental update use one copy.
import type { NameNode } from './linkNodes';
import { compareText, type Member } from './members';

/** Inserts after the members of paths sorting before or equal to `m.path`: an article's members keep their order. */
export function insertByPath(list: Member[], m: Member): void {
  // the common case, articles indexed in path order (the hosts list them sorted): appended
  if (list.length === 0 || compareText(list[list.length - 1].article.path, m.article.path) <= 0) return void list.push(m);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareText(list[mid].article.path, m.article.path) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, m);
}

/** Whether two candidate lists hold the same names (in any order: the linking pass only asks where they lead). */
export function sameNodes(a: readonly NameNode[], b: readonly NameNode[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length <= 16) return b.every(x => a.includes(x));
  const set = new Set(a);
  return b.every(x => set.has(x));
}

export const root = (n: NameNode): NameNode => {
  while (n.parent !== n) {
    n.parent = n.parent.parent;
    n = n.parent;
  }
  return n;
};
export const union = (a: NameNode, b: NameNode) => {
  const ra = root(a);
  const rb = root(b);
  if (ra !== rb) rb.parent = ra;
};
/** The one root `candidates` lead to, or undefined when none or several (ambiguous). */
export function onlyRoot(candidates: readonly NameNode[], self: NameNode): NameNode | undefined {
  let found: NameNode | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c === self) continue;
    const r = root(c);
    if (found && found !== r) return undefined;
    found = r;
  }
  return found;
}
