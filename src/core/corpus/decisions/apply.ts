// The user's entity decisions over the automatic grouping, in file order. A decision whose entity is not in the
// corpus (its articles are gone, or not indexed yet) does nothing and is kept in the file.
import type { EntityType } from '../../types';
import type { LinkedGroup } from '../linkNodes';
import { nodeKey, nodeOfMember, type Member } from '../members';
import { displayName, nameKey } from '../names';
import type { EntityDecision, EntityRef } from '../types';

/** A group after the decisions: the automatic one, possibly renamed, merged, split, with an external id or a note. */
export interface DecidedGroup {
  id: string;
  type: EntityType;
  /** The automatic canonical name. */
  autoName: string;
  /** nameKey(autoName), when known. */
  autoKey?: string;
  /** The user's canonical name (a rename, or the name a split gave). */
  name?: string;
  members: Member[];
  externalId?: string;
  note?: string;
}

/** type + name key -> the groups having it as a name or alias, kept up to date as groups change. */
class Lookup {
  private readonly map = new Map<string, Set<DecidedGroup>>();

  add(g: DecidedGroup): void {
    for (const k of keysOf(g)) {
      let set = this.map.get(k);
      if (!set) this.map.set(k, (set = new Set()));
      set.add(g);
    }
  }

  remove(g: DecidedGroup): void {
    for (const k of keysOf(g)) this.map.get(k)?.delete(g);
  }

  /** The group a reference names: one whose name is the reference's, else the one in most articles having it as an alias. */
  resolve(ref: EntityRef): DecidedGroup | undefined {
    const key = nameKey(ref.name);
    const set = this.map.get(nodeKey(ref.type, key));
    if (!set || set.size === 0) return undefined;
    let best: DecidedGroup | undefined;
    let bestScore = -1;
    for (const g of set) {
      const named = nameKey(g.name ?? g.autoName) === key || g.id === `${g.type}:${key}` ? 1e12 : 0;
      // articles, not mentions: the same shape of corpus resolves the same way whatever the counts
      const score = named + g.members.length;
      if (score > bestScore || (score === bestScore && best && g.id < best.id)) [best, bestScore] = [g, score];
    }
    return best;
  }
}

function keysOf(g: DecidedGroup): Set<string> {
  const keys = new Set<string>([nodeKey(g.type, nameKey(g.autoName))]);
  if (g.name) keys.add(nodeKey(g.type, nameKey(g.name)));
  for (const m of g.members) {
    keys.add(nodeOfMember(m));
    for (const a of m.lists.nodes) keys.add(a);
  }
  return keys;
}

/**
 * The `type NUL key` of every entity a decision names. A group having none of them as a name or alias is left as it
 * is by every decision (a decision only reaches the groups its references resolve to, and what they become).
 */
export function decisionKeys(decisions: readonly EntityDecision[]): Set<string> {
  const keys = new Set<string>();
  const add = (ref: EntityRef) => keys.add(nodeKey(ref.type, nameKey(ref.name)));
  for (const d of decisions) {
    add(d.entity);
    if (d.kind === 'merge') d.with.forEach(add);
  }
  return keys;
}

/** Whether a linked group has one of `keys` as its name or an alias (the decisions may change it). */
export function isNamedBy(g: LinkedGroup, keys: ReadonlySet<string>): boolean {
  if (keys.has(nodeKey(g.type, g.autoKey))) return true;
  for (const m of g.members) {
    if (keys.has(nodeOfMember(m))) return true;
    for (const a of m.lists.nodes) if (keys.has(a)) return true;
  }
  return false;
}

/**
 * The decisions applied to `linked` in file order. `reserved` names the ids of groups outside `linked` (left
 * out because no decision names them): a split never takes one of those ids either.
 */
export function applyDecisions(
  linked: readonly LinkedGroup[],
  decisions: readonly EntityDecision[],
  reserved: (id: string) => boolean = () => false,
): readonly DecidedGroup[] {
  // no decisions (the common case): each group is its own decided group, as it is (nothing here modifies it)
  if (decisions.length === 0) return linked;
  const groups = new Map<string, DecidedGroup>();
  const lookup = new Lookup();
  for (const l of linked) {
    const g: DecidedGroup = { id: l.id, type: l.type, autoName: l.autoName, autoKey: l.autoKey, members: l.members };
    groups.set(g.id, g);
    lookup.add(g);
  }
  const update = (g: DecidedGroup, change: () => void) => {
    lookup.remove(g);
    change();
    lookup.add(g);
  };
  for (const d of decisions) {
    const target = lookup.resolve(d.entity);
    if (!target) continue;
    switch (d.kind) {
      case 'rename':
        update(target, () => (target.name = displayName(d.name)));
        break;
      case 'externalId':
        target.externalId = d.externalId;
        break;
      case 'note':
        target.note = d.note;
        break;
      case 'merge':
        for (const ref of d.with) {
          const other = lookup.resolve(ref);
          if (!other || other === target) continue;
          lookup.remove(other);
          groups.delete(other.id);
          update(target, () => {
            target.members = [...target.members, ...other.members];
            target.externalId ??= other.externalId;
            target.note ??= other.note;
          });
        }
        break;
      case 'split': {
        const aliases = d.aliases && new Set(d.aliases.map(nameKey));
        const articles = d.articles && new Set(d.articles);
        const taken = target.members.filter(m => (!aliases || aliases.has(m.forms.key)) && (!articles || articles.has(m.article.path)));
        if (taken.length === 0 || taken.length === target.members.length) break;
        const kept = target.members.filter(m => !taken.includes(m));
        update(target, () => (target.members = kept));
        let id = `${target.type}:${nameKey(d.name)}`;
        for (let n = 2; groups.has(id) || reserved(id); n++) id = `${target.type}:${nameKey(d.name)}~${n}`;
        const split: DecidedGroup = { id, type: target.type, autoName: displayName(d.name), name: displayName(d.name), members: taken };
        groups.set(id, split);
        lookup.add(split);
        break;
      }
    }
  }
  return [...groups.values()];
}
