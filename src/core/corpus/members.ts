// An article's entities as the corpus sees them ("members"): each with its name, aliases, mention count and first
// mention, computed once when the article is indexed so the corpus-wide steps never walk annotations again.
import type { Annotation, Entity, EntityType } from '../types';
import { memoNameWords, nameForms, nodeNumber, nodeOf, type NameForms } from './names';
import type { DecidedGroup } from './decisions/apply';
import type { NameNode } from './linkNodes';
import type { MentionCounts } from './article';
import type { CorpusArticle, CorpusEntity, CorpusMention } from './types';

/** An entity's alias lists (shared by the members of one spelling that has no other: never modify them). */
export interface AliasLists {
  /** Distinct surface forms (display form), sorted. */
  aliases: readonly string[];
  /** nameKey of each alias. */
  keys: readonly string[];
  /** `type NUL alias key` of each alias other than the name (often empty). */
  nodes: readonly string[];
}

/**
 * An article entity as the corpus sees it. What follows from its name (key, words) is read from the name's forms,
 * shared by every member spelling it so (`forms.key`, `forms.words`, see names.ts), its aliases from its lists, and
 * its place from its article (`article.path`): the index keeps tens of thousands of members, so each holds only what
 * is its own. Plain data made by one object literal (memberOf), not a class: the engine can then place these
 * long-lived objects with the old ones from the start rather than copy each out of the young generation.
 */
export interface Member {
  readonly article: CorpusArticle;
  /** The article entity's id (`e1`, ...). */
  readonly entity: string;
  readonly type: EntityType;
  /**
   * The forms of the name the analysis gave it: the sidecar's name when it is one of the aliases, else the longest
   * alias (a rename reflected into the sidecar must not change how the corpus links it, nor its id). Its node and
   * node number are kept with them (nodeOf, nodeNumber).
   */
  readonly forms: NameForms;
  /** Its aliases (`aliases`), their keys (`keys`) and the nodes of those other than its name (`nodes`). */
  readonly lists: AliasLists;
  mentions: number;
  /**
   * The position of its first annotation in the article's annotations (-1: none yet): a position, not the annotation,
   * so an article taken from the snapshot makes its annotations only when a first mention is read (firstOf).
   */
  firstAt: number;
  /** Its name in the linker (set when added): its linked group, and that group's entity when no decision names it. */
  linked: NameNode | undefined;
}

/** Its first annotation in the article (the corpus mention is made only for the entity's first mention). */
export const firstOf = (m: Member): Annotation | undefined => (m.firstAt === -1 ? undefined : m.article.annotations[m.firstAt]);

/** The node's number (names.ts numberOfNode): where the linker keeps its name (given when the member is made). */
export const nodeNumberOf = (m: Member): number => nodeNumber(m.forms, m.type);

/** `type NUL key`: the linking's node (made once per forms and type). */
export const nodeOfMember = (m: Member): string => nodeOf(m.forms, m.type);

/** The corpus entity it belongs to, as of the last build of the entities. */
export const entityNow = (m: Member): CorpusEntity | undefined => m.linked?.group?.made ?? decidedEntities.get(m);

/** The decided group it belongs to, as of the last build of the entities (a group no decision names is its own). */
export function decidedNow(m: Member): DecidedGroup | undefined {
  const g = m.linked?.group;
  if (g?.made) return g;
  const entity = decidedEntities.get(m);
  return entity === undefined ? undefined : decidedGroups.get(entity);
}

/** The decided group of each entity the decisions made (set by the entity table, read by Member.decidedNow). */
export const decidedGroups = new WeakMap<CorpusEntity, DecidedGroup>();

/**
 * Where a member ended up when a decision names its group (set by each build of the corpus entities for those members
 * only; the others' entity is their linked group's): kept here, not in a field of every member (tens of thousands of
 * them, a few of which any decision names).
 */
export const decidedEntities = new WeakMap<Member, CorpusEntity>();

/** The corpus mention of a member's first annotation. */
export const firstMentionOf = (m: Member): CorpusMention => {
  const a = firstOf(m)!;
  return { path: m.article.path, start: a.start, end: a.end, text: a.text, annotation: a.id };
};

const NONE: readonly string[] = Object.freeze([]);
/** What a place of scratchForms holds between members (a forms object, so the list keeps one kind of element). */
const EMPTY_FORMS: NameForms = nameForms('');
/** memberOf's list of an entity's forms, one for all entities (grown to the most aliases an entity has had). */
const scratchForms: NameForms[] = [];

/** The members of one article, in the order of its entities. */
export function membersOf(article: CorpusArticle): Member[] {
  const entities = article.entities;
  // by index (these loops run over every entity and annotation of the corpus when it is indexed, mostly before they
  // are optimised, when a for-of allocates a result object per step)
  const out: Member[] = new Array<Member>(entities.length);
  const counts = (article as Partial<MentionCounts>).entityCounts;
  if (counts !== undefined) {
    // counted when the article was taken: its annotations are not read (nor made) here
    for (let i = 0; i < entities.length; i++) out[i] = memberOf(article, entities[i], counts[i * 2], counts[i * 2 + 1]);
  } else {
    for (let i = 0; i < entities.length; i++) out[i] = memberOf(article, entities[i], 0, -1);
    countMentions(article, out);
  }
  // an entity without mentions (a stale sidecar entry) is nothing to link or count
  for (let i = 0; i < out.length; i++) if (out[i].mentions === 0) return out.filter(x => x.mentions > 0);
  return out;
}

/** Each member's mention count and first annotation, from the article's annotations. */
function countMentions(article: CorpusArticle, out: Member[]): void {
  const entities = article.entities;
  // the annotations' entities found by position when the ids are `e1`, `e2`, ... in order (as the analysis and the
  // sidecars number them), else by a map
  let byId: Map<string, Member> | undefined;
  const annotations = article.annotations;
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    const id = a.entity;
    if (id === undefined) continue;
    const at = ordinalOf(id) - 1;
    let m = at >= 0 && at < out.length && entities[at].id === id ? out[at] : undefined;
    if (!m) {
      byId ??= new Map(out.map(x => [x.entity, x] as const));
      m = byId.get(id);
      if (!m) continue;
    }
    m.mentions++;
    if (m.firstAt === -1 || a.start < annotations[m.firstAt].start) m.firstAt = i;
  }
}

/** N of an id `eN` read in place (no substring made per annotation: an article has hundreds), else -1. */
function ordinalOf(id: string): number {
  let n = 0;
  for (let i = 1; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return id.length > 1 ? n : -1;
}

function memberOf(article: CorpusArticle, e: Entity, mentions: number, firstAt: number): Member {
  const only = e.aliases.length === 1 ? nameForms(e.aliases[0]) : undefined;
  let own: NameForms;
  let lists: AliasLists;
  if (only?.display) {
    // most entities have one alias (their name): that form's lists serve, shared by all such members
    own = only;
    lists = only.alone ??= { aliases: [only.display], keys: [only.key], nodes: NONE };
  } else {
    own = nameForms(e.name);
    // its distinct display forms in first-seen order, each surface form worked out once per corpus (nameForms
    // memoises); a list, not a map: an entity has one or a few aliases. The list is one for all members, emptied
    // after each (thousands of members have several aliases: no list made and grown for each)
    const forms = scratchForms;
    let count = 0;
    for (let i = 0; i < e.aliases.length; i++) {
      const f = nameForms(e.aliases[i]);
      if (f.display && !hasDisplay(forms, count, f.display)) forms[count++] = f;
    }
    if (!hasDisplay(forms, count, own.display)) {
      let best: NameForms | undefined;
      for (let i = 0; i < count; i++) if (best === undefined || forms[i].display.length > best.display.length) best = forms[i];
      if (best) own = best;
      else forms[count++] = own;
    }
    // an insertion sort: a few forms (Array.prototype.sort allocates a work area per call, thousands of calls)
    for (let i = 1; i < count; i++) {
      const f = forms[i];
      let j = i;
      for (; j > 0 && forms[j - 1].display > f.display; j--) forms[j] = forms[j - 1];
      forms[j] = f;
    }
    // the kept lists made at their size (a list made empty then pushed to gets room for 17: thousands of them)
    const names = new Array<string>(count);
    const keys = new Array<string>(count);
    let others = 0;
    for (let i = 0; i < count; i++) {
      names[i] = forms[i].display;
      keys[i] = forms[i].key;
      if (forms[i].key !== own.key) others++;
    }
    let nodes = NONE;
    if (others > 0) {
      const list = new Array<string>(others);
      let at = 0;
      for (let i = 0; i < count; i++) if (forms[i].key !== own.key) list[at++] = nodeOf(forms[i], e.type);
      nodes = list;
    }
    // emptied (the forms are the process's anyway; the list keeps its room for the next member)
    for (let i = 0; i < count; i++) forms[i] = EMPTY_FORMS;
    lists = { aliases: names, keys, nodes };
  }
  own.words ??= memoNameWords(own.display);
  // its node and node number kept with the forms, not here (fields fewer on tens of thousands of members)
  nodeNumber(own, e.type);
  // every field in one literal, in one order: one shape for every member
  return { article, entity: e.id, type: e.type, forms: own, lists, mentions, firstAt, linked: undefined };
}

/** Whether one of the first `count` forms has that display form. */
const hasDisplay = (forms: readonly NameForms[], count: number, display: string): boolean => {
  for (let i = 0; i < count; i++) if (forms[i].display === display) return true;
  return false;
};

/** Code-unit order: the same on every machine and locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The key of a type and a name key together. */
export const nodeKey = (type: EntityType, key: string): string => `${type}\u0000${key}`;
