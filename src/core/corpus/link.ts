// Automatic linking of article entities across the corpus, by the article-level rules: the same type and name;
// else a name used as an alias elsewhere; else a short form of exactly one longer name ("Putin" joins "Vladimir
// Putin" when no other corpus person has that surname); else an acronym whose initials match exactly one name.
// Ambiguous cases stay apart (the user can merge them). Cost: linear in the distinct names and members.
import { isAcronymOf, isShortFormOf } from '../entities';
import type { EntityType } from '../types';
import { compareText, type Member } from './members';

/** The members sharing one type and name key. */
export interface NameNode {
  type: EntityType;
  key: string;
  words: string[];
  members: Member[];
  mentions: number;
  parent: NameNode;
}

/** A group of linked names: one corpus entity before the user's decisions. */
export interface LinkedGroup {
  type: EntityType;
  /** The most common spelling of its longest name. */
  name: string;
  /** `type:key` of that name. */
  id: string;
  members: Member[];
}

const root = (n: NameNode): NameNode => {
  while (n.parent !== n) {
    n.parent = n.parent.parent;
    n = n.parent;
  }
  return n;
};
const union = (a: NameNode, b: NameNode) => {
  const ra = root(a);
  const rb = root(b);
  if (ra !== rb) rb.parent = ra;
};
/** The one root `candidates` lead to, or undefined when none or several (ambiguous). */
function onlyRoot(candidates: Iterable<NameNode>, self: NameNode): NameNode | undefined {
  let found: NameNode | undefined;
  for (const c of candidates) {
    if (c === self) continue;
    const r = root(c);
    if (found && found !== r) return undefined;
    found = r;
  }
  return found;
}

const ACRONYM = /^[\p{Lu}][\p{Lu}.&-]{1,11}$/u;
const initialsOf = (name: string): string[] => {
  const words = name.split(' ').filter(Boolean);
  const all = words.map(w => w[0].toUpperCase()).join('');
  const capitals = words
    .filter(w => /^\p{Lu}/u.test(w))
    .map(w => w[0])
    .join('');
  return all === capitals ? [all] : [all, capitals];
};

export function linkMembers(all: Iterable<Member[]>): LinkedGroup[] {
  const nodes = new Map<string, NameNode>();
  for (const list of all) {
    for (const m of list) {
      let n = nodes.get(m.node);
      if (!n) {
        n = { type: m.type, key: m.key, words: m.words, members: [], mentions: 0, parent: undefined as unknown as NameNode };
        n.parent = n;
        nodes.set(m.node, n);
      }
      n.members.push(m);
      n.mentions += m.mentions;
    }
  }
  // longer names first, then by key: the result does not depend on the order articles were indexed in
  const ordered = [...nodes.values()].sort((a, b) => b.words.length - a.words.length || compareText(a.type, b.type) || compareText(a.key, b.key));
  // alias key -> the names whose articles use it as an alias
  const aliasOwners = new Map<string, NameNode[]>();
  // type + word -> multi-word names containing it; type + initials -> names with those initials
  const containing = new Map<string, NameNode[]>();
  const byInitials = new Map<string, NameNode[]>();
  const push = (map: Map<string, NameNode[]>, key: string, n: NameNode) => {
    const list = map.get(key);
    if (!list) map.set(key, [n]);
    else if (list[list.length - 1] !== n) list.push(n);
  };
  for (const n of ordered) {
    for (const m of n.members) for (const a of m.aliasNodes) push(aliasOwners, a, n);
    if (n.words.length >= 2) {
      for (const w of new Set(n.words)) push(containing, `${n.type}\u0000${w}`, n);
      if (n.type !== 'person') for (const i of initialsOf(n.members[0].name)) push(byInitials, `${n.type}\u0000${i}`, n);
    }
  }
  for (const n of ordered) {
    // 1. its name is another name's alias in some article, and only one group's
    const owners = aliasOwners.get(`${n.type}\u0000${n.key}`);
    const owner = owners && onlyRoot(owners, n);
    if (owner) {
      union(owner, n);
      continue;
    }
    if (owners && owners.some(o => o !== n)) continue; // ambiguous: left apart
    // 2. a short form of exactly one longer name
    if (n.words.length > 0) {
      let pool: NameNode[] | undefined;
      for (const w of n.words) {
        const list = containing.get(`${n.type}\u0000${w}`) ?? [];
        if (!pool || list.length < pool.length) pool = list;
      }
      const full = (pool ?? []).filter(c => isShortFormOf(n.type, c.words, n.words));
      if (full.length > 0) {
        const r = onlyRoot(full, n);
        if (r) union(r, n);
        continue;
      }
    }
    // 3. an acronym ("NATO", "U.S.") whose initials are those of exactly one name
    const name = n.members[0].name;
    if (n.type !== 'person' && !name.includes(' ') && ACRONYM.test(name)) {
      const letters = name.replace(/[^\p{Lu}]/gu, '');
      const full = (byInitials.get(`${n.type}\u0000${letters}`) ?? []).filter(c => isAcronymOf(name, c.members[0].name));
      const r = onlyRoot(full, n);
      if (r) union(r, n);
    }
  }
  const groups = new Map<NameNode, NameNode[]>();
  for (const n of ordered) {
    const r = root(n);
    const list = groups.get(r);
    if (list) list.push(n);
    else groups.set(r, [n]);
  }
  const out: LinkedGroup[] = [];
  for (const names of groups.values()) {
    // `ordered` puts the longest names first; among equally long ones, the most mentioned
    const best = names.filter(x => x.words.length === names[0].words.length).reduce((a, b) => (b.mentions > a.mentions ? b : a));
    out.push({ type: best.type, name: commonestSpelling(best.members), id: `${best.type}:${best.key}`, members: names.flatMap(x => x.members) });
  }
  return out;
}

/** The spelling most articles use (ties: code-unit order), so "Vladimir Putin" wins over one "vladimir putin". */
function commonestSpelling(members: readonly Member[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  let best = '';
  let n = -1;
  for (const [name, c] of counts) if (c > n || (c === n && compareText(name, best) < 0)) [best, n] = [name, c];
  return best;
}
