// Corpus entities: members linked automatically (./linker.ts), the user's decisions applied (./decisions/apply.ts),
// then each group summed up (aliases, articles, mentions, first mention). Kept up to date from the linking's changes:
// only the groups a change touched are summed up again, and the sorted list and the alias table are edited in place.
import { applyDecisions, decisionKeys, isNamedBy, type DecidedGroup } from './decisions/apply';
import type { LinkedGroup } from './link';
import type { LinkChange } from './linker';
import { compareText, firstMentionOf, type Member } from './members';
import { nameKey } from './names';
import type { CorpusDecisions, CorpusEntity, EntityInArticle } from './types';

/** The comparison keys of an entity's canonical name and aliases (its search keys), made with it. */
export interface EntityKeys {
  /** nameKey(entity.name). */
  key: string;
  /** nameKey of each of entity.aliases, in their order. */
  aliasKeys: readonly string[];
}

/** What the table keeps of each entity it made: its keys and the members it was made of (its alias table entries). */
interface Made extends EntityKeys {
  entity: CorpusEntity;
  members: readonly Member[];
}

const keysMemo = new WeakMap<CorpusEntity, EntityKeys>();

/** The search keys of an entity made elsewhere than in a table (a table knows its own: EntityTable.keysOf). */
export function entityKeys(entity: CorpusEntity): EntityKeys {
  let k = keysMemo.get(entity);
  if (!k) keysMemo.set(entity, (k = { key: nameKey(entity.name), aliasKeys: entity.aliases.map(nameKey) }));
  return k;
}

/** The list's order: type, then name key, then id. */
const sortOrder = (a: CorpusEntity, aKey: string, b: CorpusEntity, bKey: string) =>
  compareText(a.type, b.type) || compareText(aKey, bKey) || compareText(a.id, b.id);

export class EntityTable {
  /** Sorted by type, then name, then id. */
  readonly list: CorpusEntity[] = [];
  /** Each entity by id, with its keys and members. */
  private readonly made = new Map<string, Made>();
  /**
   * `type NUL alias key` -> the entity having that alias, or the entities when several do (most aliases have one).
   * Only the consistency checks ask: made from every entity when they first do, then kept up to date.
   */
  private readonly aliasOwners = new Map<string, CorpusEntity | CorpusEntity[]>();
  /** Alias keys two or more entities have. */
  private readonly sharedKeys = new Set<string>();
  /** Whether aliasOwners and sharedKeys hold every entity (else they are made again when asked). */
  private aliasesKept = false;
  /** The entity each group no decision names became. */
  private readonly fromGroup = new Map<LinkedGroup, CorpusEntity>();
  /** The groups the decisions name, and the entities the decisions made of them. */
  private readonly decidedGroups = new Set<LinkedGroup>();
  private decided: CorpusEntity[] = [];
  private named: { decisions: CorpusDecisions; keys: Set<string> } | undefined;

  get(id: string): CorpusEntity | undefined {
    return this.made.get(id)?.entity;
  }

  /** The entity's search keys. */
  keysOf(entity: CorpusEntity): EntityKeys {
    const made = this.made.get(entity.id);
    return made?.entity === entity ? made : entityKeys(entity);
  }

  /** The entities having the alias (`type NUL alias key`); empty when none. */
  withAlias(key: string): readonly CorpusEntity[] {
    this.keepAliases();
    const owners = this.aliasOwners.get(key);
    return owners === undefined ? [] : Array.isArray(owners) ? owners : [owners];
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
    for (const made of this.made.values()) this.aliases(made.entity, made.members, this.addAlias);
  }

  /** Each alias table key of the entity, once. */
  private aliases(entity: CorpusEntity, members: readonly Member[], each: (this: EntityTable, key: string, entity: CorpusEntity) => void): void {
    const one = onlyMember(entity, members);
    if (one) {
      each.call(this, one.node, entity);
      for (const a of one.aliasNodes) each.call(this, a, entity);
    } else for (const key of aliasKeySet(entity, members)) each.call(this, key, entity);
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
    for (const g of plain) this.fromGroup.set(g, this.add(g, bulk));
    if (redecide) this.decided = applyDecisions([...this.decidedGroups], decisions.entities, id => this.made.has(id)).map(d => this.add(d, bulk));
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
    const keyed = this.list.map(e => this.made.get(e.id)!);
    keyed.sort((a, b) => sortOrder(a.entity, a.key, b.entity, b.key));
    for (let i = 0; i < keyed.length; i++) this.list[i] = keyed[i].entity;
  }

  private add(g: DecidedGroup, bulk: boolean): CorpusEntity {
    const made = summarise(g);
    const entity = made.entity;
    for (const m of g.members) {
      m.corpusEntity = entity;
      m.decided = g;
    }
    if (bulk) this.list.push(entity);
    else this.list.splice(this.at(entity, made.key), 0, entity);
    this.made.set(entity.id, made);
    // many at once: the alias table is made when asked
    if (bulk) this.aliasesKept = false;
    if (this.aliasesKept) this.aliases(entity, g.members, this.addAlias);
    return entity;
  }

  private remove(entity: CorpusEntity): void {
    const made = this.made.get(entity.id);
    if (made?.entity !== entity) return;
    const at = this.at(entity, made.key);
    if (this.list[at] === entity) this.list.splice(at, 1);
    this.made.delete(entity.id);
    if (this.aliasesKept) this.aliases(entity, made.members, this.removeAlias);
  }

  private addAlias(key: string, entity: CorpusEntity): void {
    const owners = this.aliasOwners.get(key);
    if (owners === undefined) this.aliasOwners.set(key, entity);
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
  private at(entity: CorpusEntity, key: string): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.list[mid];
      if (sortOrder(other, this.made.get(other.id)!.key, entity, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * An entity's aliases as `type NUL key` (its keys in the alias table) are the members' own node strings (no new string
 * per alias) when they have the entity's type. The one member of the entity, when it has one of the entity's type: its
 * node and alias node are those keys.
 */
const onlyMember = (entity: CorpusEntity, members: readonly Member[]): Member | undefined =>
  // two alias nodes may be one (two spellings of one key, other than the name's): then a set
  members.length === 1 && members[0].type === entity.type && members[0].aliasNodes.length <= 1 ? members[0] : undefined;

/** The entity's alias table keys, each once, when it has several members (or one of another type). */
function aliasKeySet(entity: CorpusEntity, members: readonly Member[]): Set<string> {
  const keys = new Set<string>();
  for (const m of members) {
    if (m.type === entity.type) {
      keys.add(m.node);
      for (const a of m.aliasNodes) keys.add(a);
    } else for (const k of m.aliasKeys) keys.add(`${entity.type}\u0000${k}`);
  }
  return keys;
}

function summarise(g: DecidedGroup): Made {
  const members = g.members;
  if (members.length === 1) return summariseOne(g, members[0]);
  let mentions = 0;
  let first: Member | undefined;
  // members with one list of aliases (one name in several articles: the same shared list) need no merging
  let shared: Member | undefined = members[0];
  let sorted = true;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    mentions += m.mentions;
    if (m.first && (!first || earlier(m, first))) first = m;
    if (shared && m.aliases !== shared.aliases) shared = undefined;
    if (i > 0 && sorted && compareText(members[i - 1].path, m.path) > 0) sorted = false;
  }
  let aliases: string[];
  let aliasKeys: readonly string[];
  if (shared) {
    // shared with the members: never modified
    aliases = shared.aliases as string[];
    aliasKeys = shared.aliasKeys;
  } else {
    const aliasKey = new Map<string, string>();
    for (const m of members) for (let i = 0; i < m.aliases.length; i++) aliasKey.set(m.aliases[i], m.aliasKeys[i]);
    aliases = [...aliasKey.keys()].sort(compareText);
    aliasKeys = aliases.map(a => aliasKey.get(a)!);
  }
  const name = g.name ?? g.autoName;
  const entity: CorpusEntity = {
    id: g.id,
    type: g.type,
    name,
    aliases,
    // by path (a stable sort: an article's entities in the members' order); one name's members are sorted already
    articles: inArticles(sorted ? members : members.slice().sort((a, b) => compareText(a.path, b.path))),
    mentions,
    firstMention: firstMentionOf(first!),
  };
  if (g.externalId !== undefined) entity.externalId = g.externalId;
  if (g.note !== undefined) entity.note = g.note;
  return { entity, key: keyOfName(g), aliasKeys, members };
}

/** Members sorted by path, summed up per article. */
function inArticles(members: readonly Member[]): EntityInArticle[] {
  const out: EntityInArticle[] = [];
  let last: EntityInArticle | undefined;
  for (const m of members) {
    if (last?.path === m.path) {
      last.entities.push(m.entity);
      last.mentions += m.mentions;
    } else out.push((last = { path: m.path, entities: [m.entity], mentions: m.mentions }));
  }
  return out;
}

/** One member (most entities): its own lists serve, nothing to merge. */
function summariseOne(g: DecidedGroup, m: Member): Made {
  const name = g.name ?? g.autoName;
  const entity: CorpusEntity = {
    id: g.id,
    type: g.type,
    name,
    // shared with the member (and the members with the same single name): never modified
    aliases: m.aliases as string[],
    articles: [{ path: m.path, entities: [m.entity], mentions: m.mentions }],
    mentions: m.mentions,
    firstMention: firstMentionOf(m),
  };
  if (g.externalId !== undefined) entity.externalId = g.externalId;
  if (g.note !== undefined) entity.note = g.note;
  return { entity, key: name === m.name ? m.key : keyOfName(g), aliasKeys: m.aliasKeys, members: g.members };
}

/** nameKey of the group's canonical name (the automatic one's is known from the linking). */
const keyOfName = (g: DecidedGroup): string => (g.name === undefined ? (g.autoKey ?? nameKey(g.autoName)) : nameKey(g.name));

/** Whose first mention comes first: earliest reference date (articles without one last), then path, then offset. */
function earlier(a: Member, b: Member): boolean {
  if (a.referenceDate !== b.referenceDate) {
    if (a.referenceDate === null) return false;
    if (b.referenceDate === null) return true;
    return a.referenceDate < b.referenceDate;
  }
  return a.path !== b.path ? compareText(a.path, b.path) < 0 : a.first!.start < b.first!.start;
}
