// The groups of linked names made into LinkedGroups: named after the commonest spelling of their longest name, a
// group of one name sharing its member list. Separate from the rules (./linkRules.ts), which decide only which names
// join, and from the linker (./linker.ts), which decides when a group is made again.
import type { LinkedGroup, NameNode } from './linkNodes';
import { firstForms } from './linkRules';
import { compareText } from './members';
import { idOf } from './names';

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
