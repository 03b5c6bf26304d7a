// A corpus entity as the entity table makes it from its members: its id and name at once, its counts and lists
// (mentions, aliases, articles, first mention) when first read. A build makes thousands of entities, and most of them are listed (name,
// type, counts) without their lists ever being read; making every list up front was most of the build's work.
// The lists are made once and kept; the members an entity is made of never change (the linker and the decisions
// make new lists rather than edit them), so an entity kept by a caller keeps describing the corpus as it was.
import { compareText, firstMentionOf, firstOf, type Member } from './members';
import type { EntityType } from '../types';
import type { CorpusEntity, CorpusMention, EntityInArticle } from './types';

/** The comparison keys of an entity's canonical name and aliases (its search keys). */
export interface EntityKeys {
  /** nameKey(entity.name). */
  key: string;
  /** nameKey of each of entity.aliases, in their order. */
  aliasKeys: readonly string[];
}

/** What an entity works out when first read (mentions is -1 until counted). */
interface EntityReads {
  mentions: number;
  aliases: string[] | undefined;
  aliasKeys: readonly string[] | undefined;
  articles: EntityInArticle[] | undefined;
  first: CorpusMention | undefined;
}

export class MemberEntity implements CorpusEntity, EntityKeys {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  declare externalId?: string;
  declare note?: string;
  // private fields: not properties, so copies, JSON (see toJSON) and deep comparisons see the plain entity only
  readonly #key: string;
  readonly #members: readonly Member[];
  // what it works out when first read, in one object made then (a build makes thousands of entities, most never
  // read past their name: four fields fewer on each)
  #read: EntityReads | undefined;

  /** `key` is nameKey(name); `members` (at least one) are never modified. */
  constructor(id: string, type: EntityType, name: string, key: string, members: readonly Member[], externalId?: string, note?: string) {
    this.id = id;
    this.type = type;
    this.name = name;
    if (externalId !== undefined) this.externalId = externalId;
    if (note !== undefined) this.note = note;
    this.#key = key;
    this.#members = members;
    this.#read = undefined;
  }

  #reads(): EntityReads {
    return (this.#read ??= { mentions: -1, aliases: undefined, aliasKeys: undefined, articles: undefined, first: undefined });
  }

  /** Mentions in all articles. */
  get mentions(): number {
    const read = this.#reads();
    if (read.mentions < 0) {
      let n = 0;
      for (const m of this.#members) n += m.mentions;
      read.mentions = n;
    }
    return read.mentions;
  }

  /** Every distinct surface form across its articles, sorted (shared with a member when it has its list: never modify it). */
  get aliases(): string[] {
    const read = this.#reads();
    if (read.aliases === undefined) this.makeAliases(read);
    return read.aliases!;
  }

  /** nameKey of each alias, in their order. */
  get aliasKeys(): readonly string[] {
    const read = this.#reads();
    if (read.aliasKeys === undefined) this.makeAliases(read);
    return read.aliasKeys!;
  }

  /** nameKey(name). */
  get key(): string {
    return this.#key;
  }

  /** The members it was made of. */
  get members(): readonly Member[] {
    return this.#members;
  }

  /** Its share of each article, sorted by path (an article's entities in the members' order). */
  get articles(): EntityInArticle[] {
    return (this.#reads().articles ??= inArticles(this.#members));
  }

  /** The first mention in the corpus: earliest reference date (articles without one last), then path, then offset. */
  get firstMention(): CorpusMention {
    const read = this.#reads();
    if (read.first === undefined) {
      let first: Member | undefined;
      for (const m of this.#members) if (m.firstAt !== -1 && (!first || earlier(m, first))) first = m;
      read.first = firstMentionOf(first!);
    }
    return read.first;
  }

  /** The plain entity, fields in the order CorpusEntity lists them. */
  toJSON(): CorpusEntity {
    const out: CorpusEntity = {
      id: this.id,
      type: this.type,
      name: this.name,
      aliases: this.aliases,
      articles: this.articles,
      mentions: this.mentions,
      firstMention: this.firstMention,
    };
    if (this.externalId !== undefined) out.externalId = this.externalId;
    if (this.note !== undefined) out.note = this.note;
    return out;
  }

  private makeAliases(read: EntityReads): void {
    const members = this.#members;
    // members with one list of aliases (one name in several articles shares one list) need no merging
    let shared = true;
    for (const m of members) if (m.lists.aliases !== members[0].lists.aliases) shared = false;
    if (shared) {
      read.aliases = members[0].lists.aliases as string[];
      read.aliasKeys = members[0].lists.keys;
      return;
    }
    // each member's list is sorted and distinct: merged list by list (no map, no sort), a list met just before skipped
    let aliases = members[0].lists.aliases;
    let keys = members[0].lists.keys;
    let last = members[0].lists;
    for (const m of members) {
      if (m.lists === last) continue;
      last = m.lists;
      // most lists add nothing (a name met in many articles, its spellings alternating): nothing made for them
      if (!includesAll(aliases, last.aliases)) [aliases, keys] = mergeSorted(aliases, keys, last.aliases, last.keys);
    }
    read.aliases = aliases as string[];
    read.aliasKeys = keys;
  }
}

/** Whether sorted list `a` has every alias of sorted list `b`. */
function includesAll(a: readonly string[], b: readonly string[]): boolean {
  let i = 0;
  for (const x of b) {
    while (i < a.length && a[i] < x) i++;
    if (i >= a.length || a[i] !== x) return false;
    i++;
  }
  return true;
}

/** Two sorted lists of distinct aliases (with their keys) merged, each alias once; `a` itself when `b` adds nothing. */
function mergeSorted(a: readonly string[], aKeys: readonly string[], b: readonly string[], bKeys: readonly string[]): [readonly string[], readonly string[]] {
  const out: string[] = [];
  const keys: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) {
      out.push(a[i]);
      keys.push(aKeys[i++]);
    } else if (i >= a.length || b[j] < a[i]) {
      out.push(b[j]);
      keys.push(bKeys[j++]);
    } else {
      // one alias in both: one key (a display form has one key)
      out.push(a[i]);
      keys.push(aKeys[i++]);
      j++;
    }
  }
  return out.length === a.length ? [a, aKeys] : [out, keys];
}

/** The members' share of each article, by path: one name's members are sorted by path already, else a stable sort. */
function inArticles(members: readonly Member[]): EntityInArticle[] {
  let sorted = true;
  for (let i = 1; sorted && i < members.length; i++) sorted = compareText(members[i - 1].article.path, members[i].article.path) <= 0;
  const list = sorted ? members : members.slice().sort((a, b) => compareText(a.article.path, b.article.path));
  const out: EntityInArticle[] = [];
  let last: EntityInArticle | undefined;
  for (const m of list) {
    if (last?.path === m.article.path) {
      last.entities.push(m.entity);
      last.mentions += m.mentions;
    } else out.push((last = { path: m.article.path, entities: [m.entity], mentions: m.mentions }));
  }
  return out;
}

/** Whose first mention comes first: earliest reference date (articles without one last), then path, then offset. */
function earlier(a: Member, b: Member): boolean {
  if (a.article.referenceDate !== b.article.referenceDate) {
    if (a.article.referenceDate === null) return false;
    if (b.article.referenceDate === null) return true;
    return a.article.referenceDate < b.article.referenceDate;
  }
  return a.article.path !== b.article.path ? compareText(a.article.path, b.article.path) < 0 : firstOf(a)!.start < firstOf(b)!.start;
}
