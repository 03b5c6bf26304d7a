// Corpus entities: members linked automatically (./linker.ts), the user's decisions applied (./decisions/apply.ts),
// then each group made an entity (./memberEntity.ts: its lists made when read). Kept up to date from the linking's
// changes: only the groups a change touched are made again, and the sorted list and the alias table are edited in place.
import { applyDecisions, decisionKeys, isNamedBy, type DecidedGroup } from './decisions/apply';
import { sortByNode, type LinkChange, type LinkedGroup } from './linkNodes';
import { MemberEntity, type EntityKeys } from './memberEntity';
import { compareText, decidedEntities, decidedGroups, nodeOfMember, type Member } from './members';
import { nameKey } from './names';
import type { CorpusDecisions, CorpusEntity } from './types';

export type { EntityKeys } from './memberEntity';

const keysMemo = new WeakMap<CorpusEntity, EntityKeys>();

/** The search keys of an entity made elsewhere than in a table (a table knows its own: EntityTable.keysOf). */
export function entityKeys(entity: CorpusEntity): EntityKeys {
  let k = keysMemo.get(entity);
  if (!k) keysMemo.set(entity, (k = { key: nameKey(entity.name), aliasKeys: entity.aliases.map(nameKey) }));
  return k;
}

/** The list's order: type, then name key, then id. */
const sortOrder = (a: MemberEntity, b: MemberEntity) => compareText(a.type, b.type) || compareText(a.key, b.key) || compareText(a.id, b.id);

/** The list sorted (sortOrder), many at once: by type first (three of them), so a comparison reads the keys only. */
function sortAll(list: MemberEntity[]): void {
  const byType = new Map<string, MemberEntity[]>();
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const same = byType.get(e.type);
    if (same) same.push(e);
    else byType.set(e.type, [e]);
  }
  let at = 0;
  for (const type of [...byType.keys()].sort(compareText)) {
    const same = byType.get(type)!;
    same.sort(byKey);
    for (let i = 0; i < same.length; i++) list[at++] = same[i];
  }
}
const byKey = (a: MemberEntity, b: MemberEntity): number => {
  const x = a.key;
  const y = b.key;
  return x < y ? -1 : x > y ? 1 : compareText(a.id, b.id);
};

export class EntityTable {
  /** Sorted by type, then name, then id. */
  readonly list: MemberEntity[] = [];
  /** Each entity by id: made when first asked (a lookup by id), then kept up to date. */
  private byId: Map<string, MemberEntity> | undefined;
  /**
   * `type NUL alias key` -> the entity having that alias, or the entities when several do (most aliases have one).
   * The consistency checks ask (the symbol search looks through the linker): made from every entity when first asked, then kept up to date.
   */
  private readonly aliasOwners = new Map<string, CorpusEntity | CorpusEntity[]>();
  /** Alias keys two or more entities have. */
  private readonly sharedKeys = new Set<string>();
  /** Whether aliasOwners and sharedKeys hold every entity (else they are made again when asked). */
  private aliasesKept = false;
  /** The groups the decisions name, and the entities the decisions made of them. */
  private readonly decidedGroups = new Set<LinkedGroup>();
  private decided: MemberEntity[] = [];
  private named: { decisions: CorpusDecisions; keys: Set<string> } | undefined;

  get(id: string): CorpusEntity | undefined {
    return this.ids().get(id);
  }

  private ids(): Map<string, MemberEntity> {
    if (!this.byId) {
      this.byId = new Map();
      for (const e of this.list) this.byId.set(e.id, e);
    }
    return this.byId;
  }

  /** The entity's search keys (an entity of a table knows its own). */
  keysOf(entity: CorpusEntity): EntityKeys {
    return entity instanceof MemberEntity ? entity : entityKeys(entity);
  }

  /** The entities having the alias (`type NUL alias key`); empty when none. */
  withAlias(key: string): readonly CorpusEntity[] {
    this.keepAliases();
    const owners = this.aliasOwners.get(key);
    return owners === undefined ? [] : Array.isArray(owners) ? owners : [owners];
  }

  /** Adds to `out` the entities decisions made whose name's key contains `q` (a renamed one's name is none of its aliases). */
  decidedWithKeyContaining(q: string, out: Set<CorpusEntity>): void {
    for (let i = 0; i < this.decided.length; i++) if (this.decided[i].key.includes(q)) out.add(this.decided[i]);
  }

  /** The alias keys two or more entities have (live: read it before the table changes again). */
  sharedAliasKeys(): ReadonlySet<string> {
    this.keepAliases();
    return this.sharedKeys;
  }

  /** Whether two entities share any alias at all (the shared-alias check's quick exit). */
  get hasSharedAliases(): boolean {
    this.keepAliases();
    return this.sharedKeys.size > 0;
  }

  /** The alias table made from every entity, if it is not kept yet. */
  private keepAliases(): void {
    if (this.aliasesKept) return;
    this.aliasesKept = true;
    this.aliasOwners.clear();
    this.sharedKeys.clear();
    for (const entity of this.list) this.aliases(entity, entity.members, this.addAlias);
  }

  /**
   * Each alias table key of the entity, straight from its members' node strings (no set per entity: addAlias skips a
   * key the entity just added, as all of an entity's keys are added together; removeAlias ignores a repeat).
   */
  private aliases(entity: CorpusEntity, members: readonly Member[], each: (this: EntityTable, key: string, entity: CorpusEntity) => void): void {
    let last: Member | undefined;
    for (const m of members) {
      // members of one spelling share their node and lists: the same keys again
      if (last !== undefined && nodeOfMember(m) === nodeOfMember(last) && m.lists === last.lists) continue;
      last = m;
      if (m.type === entity.type) {
        each.call(this, nodeOfMember(m), entity);
        for (const a of m.lists.nodes) each.call(this, a, entity);
      } else for (const k of m.lists.keys) each.call(this, `${entity.type}\u0000${k}`, entity);
    }
  }

  /**
   * Applies the linking's change: only the changed groups are summed up again. Without decisions each group is one
   * entity; with decisions, the groups they name are decided again together whenever one of them changes (the
   * others stay one entity each). The change is the table's to use up: its list of added groups may be reordered.
   */
  update(change: LinkChange, decisions: CorpusDecisions): void {
    const named = this.namedBy(decisions);
    let redecide = false;
    for (const g of change.removed) {
      if (this.decidedGroups.delete(g)) redecide = true;
      if (g.made) this.remove(g.made);
      g.made = undefined;
    }
    // by index: a first indexing adds every group here, mostly before this is optimised (when a for-of allocates
    // a result object per step)
    const added = change.added;
    // no decisions (most corpora): every added group is plain, the change's own list serves (no copy of it)
    let plain: LinkedGroup[] = added;
    if (named.size > 0) {
      plain = [];
      for (let i = 0; i < added.length; i++) {
        const g = added[i];
        if (isNamedBy(g, named)) {
          this.decidedGroups.add(g);
          redecide = true;
        } else plain.push(g);
      }
    }
    // removed before anything is added: a bulk addition leaves the list unsorted until its end
    if (redecide) for (const e of this.decided.splice(0)) this.remove(e);
    const bulk = this.startBulk(change.added.length);
    // every entity new and none decided (a first build without decisions): each is its group's name's, so the list's
    // order (type, key, id) is its names' node order, and the groups are appended in that order instead of sorted after
    const inOrder = bulk && !redecide && this.list.length === 0;
    if (inOrder) sortByNode(plain);
    for (let i = 0; i < plain.length; i++) plain[i].made = this.add(plain[i], bulk, true);
    if (redecide)
      this.decided = applyDecisions([...this.decidedGroups], decisions.entities, id => this.get(id) !== undefined).map(d => this.add(d, bulk, false));
    this.endBulk(bulk && !inOrder);
  }

  /**
   * Every group decided again, all of them at once (the decisions changed, or the first build): the straightforward
   * way, which the incremental one (update) must equal; the groups the decisions name are then kept apart for it.
   */
  rebuild(all: Iterable<LinkedGroup>, decisions: CorpusDecisions): void {
    // every entity goes: the tables emptied at once (not entity by entity)
    this.list.length = 0;
    this.byId = undefined;
    this.decided = [];
    this.decidedGroups.clear();
    this.aliasesKept = false;
    const named = this.namedBy(decisions);
    const linked = [...all];
    const origin = new Map<Member[], LinkedGroup>();
    for (const g of linked) {
      g.made = undefined;
      origin.set(g.members, g);
      if (named.size > 0 && isNamedBy(g, named)) this.decidedGroups.add(g);
    }
    const decided = applyDecisions(linked, decisions.entities);
    const bulk = this.startBulk(decided.length);
    for (const d of decided) {
      // a group no decision names comes out as it went in (the same member list)
      const g = origin.get(d.members);
      const plain = g !== undefined && !this.decidedGroups.has(g);
      const e = this.add(d, bulk, plain);
      if (plain) g.made = e;
      else this.decided.push(e);
    }
    this.endBulk(bulk);
  }

  /** The keys the decisions name (worked out once per decisions object). */
  private namedBy(decisions: CorpusDecisions): ReadonlySet<string> {
    if (this.named?.decisions !== decisions) this.named = { decisions, keys: decisionKeys(decisions.entities) };
    return this.named.keys;
  }

  /** Many entities to add (the first indexing): appended, then the list sorted once, instead of each put in place. */
  private startBulk(adding: number): boolean {
    return adding > 64 && adding * 4 > this.list.length;
  }

  private endBulk(bulk: boolean): void {
    if (bulk) sortAll(this.list);
  }

  /** Makes the entity of a group; a `plain` group (no decision names it) gets it as `made`, its members find it there. */
  private add(g: DecidedGroup, bulk: boolean, plain: boolean): MemberEntity {
    const name = g.name ?? g.autoName;
    // the automatic name's key is known from the linking
    const key = g.name === undefined ? (g.autoKey ?? nameKey(g.autoName)) : nameKey(g.name);
    const entity = new MemberEntity(g.id, g.type, name, key, g.members, g.externalId, g.note);
    if (!plain) {
      decidedGroups.set(entity, g);
      for (const m of g.members) decidedEntities.set(m, entity);
    }
    if (bulk) this.list.push(entity);
    else this.list.splice(this.at(entity), 0, entity);
    this.byId?.set(entity.id, entity);
    // many at once: the alias table is made when asked
    if (bulk) this.aliasesKept = false;
    if (this.aliasesKept) this.aliases(entity, g.members, this.addAlias);
    return entity;
  }

  private remove(entity: MemberEntity): void {
    // an entity of the table is in the list, in its place (removals come before a bulk addition leaves it unsorted)
    const at = this.at(entity);
    if (this.list[at] !== entity) return;
    this.list.splice(at, 1);
    this.byId?.delete(entity.id);
    if (this.aliasesKept) this.aliases(entity, entity.members, this.removeAlias);
  }

  private addAlias(key: string, entity: CorpusEntity): void {
    const owners = this.aliasOwners.get(key);
    if (owners === undefined) this.aliasOwners.set(key, entity);
    else if (owners === entity || (Array.isArray(owners) && owners[owners.length - 1] === entity)) return;
    else {
      if (Array.isArray(owners)) owners.push(entity);
      else this.aliasOwners.set(key, [owners, entity]);
      this.sharedKeys.add(key);
    }
  }

  private removeAlias(key: string, entity: CorpusEntity): void {
    const owners = this.aliasOwners.get(key);
    if (owners === undefined) return;
    if (!Array.isArray(owners)) {
      if (owners === entity) this.aliasOwners.delete(key);
      return;
    }
    const i = owners.indexOf(entity);
    if (i >= 0) owners.splice(i, 1);
    if (owners.length === 1) this.aliasOwners.set(key, owners[0]);
    else if (owners.length === 0) this.aliasOwners.delete(key);
    if (owners.length < 2) this.sharedKeys.delete(key);
  }

  /** Where `entity` is or belongs in the sorted list (binary search). */
  private at(entity: MemberEntity): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortOrder(this.list[mid], entity) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
