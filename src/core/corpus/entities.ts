// Corpus entities: members linked automatically (./linker.ts), the user's decisions applied (./decisions/apply.ts),
// then each group summed up (aliases, articles, mentions, first mention). Kept up to date from the linking's changes:
// only the groups a change touched are summed up again, and the sorted list and the alias table are edited in place.
import { applyDecisions, decisionKeys, isNamedBy, type DecidedGroup } from './decisions/apply';
import type { LinkedGroup } from './link';
import type { LinkChange } from './linker';
import { compareText, type Member } from './members';
import { nameKey } from './names';
import type { CorpusDecisions, CorpusEntity, CorpusMention, EntityInArticle } from './types';

/** The comparison keys of an entity's canonical name and aliases (its search keys), made with it. */
export interface EntityKeys {
  /** The canonical name, then the aliases. */
  names: string[];
  /** nameKey of each of `names`. */
  keys: string[];
}
const keysByEntity = new WeakMap<CorpusEntity, EntityKeys>();

/** The entity's search keys (computed with the entity; computed here for an entity made elsewhere). */
export function entityKeys(entity: CorpusEntity): EntityKeys {
  let k = keysByEntity.get(entity);
  if (!k) {
    const names = [entity.name, ...entity.aliases];
    keysByEntity.set(entity, (k = { names, keys: names.map(nameKey) }));
  }
  return k;
}

const sortOrder = (a: CorpusEntity, b: CorpusEntity) =>
  compareText(a.type, b.type) || compareText(entityKeys(a).keys[0], entityKeys(b).keys[0]) || compareText(a.id, b.id);

export class EntityTable {
  /** Sorted by type, then name, then id. */
  readonly list: CorpusEntity[] = [];
  readonly byId = new Map<string, CorpusEntity>();
  /** `type NUL alias key` -> the entity having that alias, or the entities when several do (most aliases have one). */
  private readonly aliasOwners = new Map<string, CorpusEntity | CorpusEntity[]>();
  /** Alias keys two or more entities have. */
  private readonly sharedKeys = new Set<string>();
  /** Each entity's aliases as `type NUL key`. */
  private readonly aliasKeys = new Map<CorpusEntity, readonly string[]>();
  /** The entity each group no decision names became. */
  private readonly fromGroup = new Map<LinkedGroup, CorpusEntity>();
  /** The groups the decisions name, and the entities the decisions made of them. */
  private readonly decidedGroups = new Set<LinkedGroup>();
  private decided: CorpusEntity[] = [];
  private named: { decisions: CorpusDecisions; keys: Set<string> } | undefined;

  /** The entities having the alias (`type NUL alias key`); empty when none. */
  withAlias(key: string): readonly CorpusEntity[] {
    const owners = this.aliasOwners.get(key);
    return owners === undefined ? [] : Array.isArray(owners) ? owners : [owners];
  }

  /** Whether two entities share any alias at all (the shared-alias check's quick exit). */
  get hasSharedAliases(): boolean {
    return this.sharedKeys.size > 0;
  }

  /**
   * Applies the linking's change: only the changed groups are summed up again. Without decisions each group is one
   * entity; with decisions, the groups they name are decided again together whenever one of them changes (the
   * others stay one entity each).
   */
  update(change: LinkChange, decisions: CorpusDecisions): void {
    const named = this.namedBy(decisions);
    let redecide = false;
    for (const g of change.removed) {
      if (this.decidedGroups.delete(g)) redecide = true;
      const e = this.fromGroup.get(g);
      if (e) this.remove(e);
      this.fromGroup.delete(g);
    }
    const plain: LinkedGroup[] = [];
    for (const g of change.added) {
      if (named.size > 0 && isNamedBy(g, named)) {
        this.decidedGroups.add(g);
        redecide = true;
      } else plain.push(g);
    }
    // removed before anything is added: a bulk addition leaves the list unsorted until its end
    if (redecide) for (const e of this.decided.splice(0)) this.remove(e);
    const bulk = this.startBulk(change.added.length);
    for (const g of plain) this.fromGroup.set(g, this.add({ id: g.id, type: g.type, autoName: g.name, members: g.members }, bulk));
    if (redecide) this.decided = applyDecisions([...this.decidedGroups], decisions.entities, id => this.byId.has(id)).map(d => this.add(d, bulk));
    this.endBulk(bulk);
  }

  /**
   * Every group decided again, all of them at once (the decisions changed, or the first build): the straightforward
   * way, which the incremental one (update) must equal; the groups the decisions name are then kept apart for it.
   */
  rebuild(all: Iterable<LinkedGroup>, decisions: CorpusDecisions): void {
    for (const e of this.fromGroup.values()) this.remove(e);
    this.fromGroup.clear();
    for (const e of this.decided.splice(0)) this.remove(e);
    this.decidedGroups.clear();
    const named = this.namedBy(decisions);
    const linked = [...all];
    const origin = new Map<Member[], LinkedGroup>();
    for (const g of linked) {
      origin.set(g.members, g);
      if (named.size > 0 && isNamedBy(g, named)) this.decidedGroups.add(g);
    }
    const decided = applyDecisions(linked, decisions.entities);
    const bulk = this.startBulk(decided.length);
    for (const d of decided) {
      const e = this.add(d, bulk);
      // a group no decision names comes out as it went in (the same member list)
      const g = origin.get(d.members);
      if (g && !this.decidedGroups.has(g)) this.fromGroup.set(g, e);
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
    if (!bulk) return;
    // each entity's sort keys looked up once, not twice per comparison
    const keyed = this.list.map(e => ({ e, type: e.type, name: entityKeys(e).keys[0], id: e.id }));
    keyed.sort((a, b) => compareText(a.type, b.type) || compareText(a.name, b.name) || compareText(a.id, b.id));
    for (let i = 0; i < keyed.length; i++) this.list[i] = keyed[i].e;
  }

  private add(g: DecidedGroup, bulk: boolean): CorpusEntity {
    const entity = summarise(g);
    for (const m of g.members) {
      m.corpusEntity = entity;
      m.decided = g;
    }
    const keys = aliasKeysOf(entity, g.members);
    this.aliasKeys.set(entity, keys);
    if (bulk) this.list.push(entity);
    else this.list.splice(this.at(entity), 0, entity);
    this.byId.set(entity.id, entity);
    for (const key of keys) {
      const owners = this.aliasOwners.get(key);
      if (owners === undefined) this.aliasOwners.set(key, entity);
      else {
        if (Array.isArray(owners)) owners.push(entity);
        else this.aliasOwners.set(key, [owners, entity]);
        this.sharedKeys.add(key);
      }
    }
    return entity;
  }

  private remove(entity: CorpusEntity): void {
    const at = this.at(entity);
    if (this.list[at] === entity) this.list.splice(at, 1);
    if (this.byId.get(entity.id) === entity) this.byId.delete(entity.id);
    for (const key of this.aliasKeys.get(entity) ?? []) {
      const owners = this.aliasOwners.get(key);
      if (owners === undefined) continue;
      if (!Array.isArray(owners)) {
        if (owners === entity) this.aliasOwners.delete(key);
        continue;
      }
      const i = owners.indexOf(entity);
      if (i >= 0) owners.splice(i, 1);
      if (owners.length === 1) this.aliasOwners.set(key, owners[0]);
      else if (owners.length === 0) this.aliasOwners.delete(key);
      if (owners.length < 2) this.sharedKeys.delete(key);
    }
    this.aliasKeys.delete(entity);
  }

  /** Where `entity` is or belongs in the sorted list (binary search). */
  private at(entity: CorpusEntity): number {
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

/**
 * The entity's aliases as `type NUL key`, each once: the members' own node strings (no new string per alias) when
 * they have the entity's type; a single name without other aliases (most entities) needs no set.
 */
function aliasKeysOf(entity: CorpusEntity, members: readonly Member[]): readonly string[] {
  if (members.length === 1 && members[0].aliasNodes.length === 0 && members[0].type === entity.type) return [members[0].node];
  const keys = new Set<string>();
  for (const m of members) {
    if (m.type === entity.type) {
      keys.add(m.node);
      for (const a of m.aliasNodes) keys.add(a);
    } else for (const k of m.aliasKeys) keys.add(`${entity.type}\u0000${k}`);
  }
  return [...keys];
}

function summarise(g: DecidedGroup): CorpusEntity {
  if (g.members.length === 1) return summariseOne(g, g.members[0]);
  const aliasKey = new Map<string, string>();
  const byPath = new Map<string, EntityInArticle>();
  let mentions = 0;
  let first: { mention: CorpusMention; date: string | null } | undefined;
  for (const m of g.members) {
    for (let i = 0; i < m.aliases.length; i++) aliasKey.set(m.aliases[i], m.aliasKeys[i]);
    mentions += m.mentions;
    const inArticle = byPath.get(m.path);
    if (inArticle) {
      inArticle.entities.push(m.entity);
      inArticle.mentions += m.mentions;
    } else byPath.set(m.path, { path: m.path, entities: [m.entity], mentions: m.mentions });
    if (m.first && (!first || earlier(m.first, m.referenceDate, first.mention, first.date))) first = { mention: m.first, date: m.referenceDate };
  }
  const aliases = [...aliasKey.keys()].sort(compareText);
  const name = g.name ?? g.autoName;
  const entity: CorpusEntity = {
    id: g.id,
    type: g.type,
    name,
    aliases,
    articles: [...byPath.values()].sort((a, b) => compareText(a.path, b.path)),
    mentions,
    firstMention: first!.mention,
  };
  if (g.externalId !== undefined) entity.externalId = g.externalId;
  if (g.note !== undefined) entity.note = g.note;
  keysByEntity.set(entity, { names: [name, ...aliases], keys: [nameKey(name), ...aliases.map(a => aliasKey.get(a)!)] });
  return entity;
}

/** One member (most entities): its own lists serve, nothing to merge. */
function summariseOne(g: DecidedGroup, m: Member): CorpusEntity {
  const name = g.name ?? g.autoName;
  const entity: CorpusEntity = {
    id: g.id,
    type: g.type,
    name,
    aliases: m.aliases,
    articles: [{ path: m.path, entities: [m.entity], mentions: m.mentions }],
    mentions: m.mentions,
    firstMention: m.first!,
  };
  if (g.externalId !== undefined) entity.externalId = g.externalId;
  if (g.note !== undefined) entity.note = g.note;
  keysByEntity.set(entity, { names: [name, ...m.aliases], keys: [name === m.name ? m.key : nameKey(name), ...m.aliasKeys] });
  return entity;
}

/** Earliest reference date first (articles without one last), then path, then offset. */
function earlier(a: CorpusMention, aDate: string | null, b: CorpusMention, bDate: string | null): boolean {
  if (aDate !== bDate) {
    if (aDate === null) return false;
    if (bDate === null) return true;
    return aDate < bDate;
  }
  return a.path !== b.path ? compareText(a.path, b.path) < 0 : a.start < b.start;
}
