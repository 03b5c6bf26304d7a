// Mentions grouped into entities: "Vladimir Putin", "Putin" -> one entity named "Vladimir Putin".
import type { Entity, EntityType } from '../types';
import { FormIndex, newForm, type Form, type Group } from './form-index';
import { Slots, surfaceNameWords, type Working } from './mention-set';

/** A name's words as the grouping compares them: tokens with a letter or digit, normWord'ed ("al-Assad" -> "assad"). */
export const nameWords = (surface: string): string[] => surfaceNameWords(surface);

/**
 * Whether `short` (words) is a short form of the full name `long` of `type` ("Putin" of "Vladimir Putin"): a person
 * by any run of its words; an organization from its start ("Syrian Observatory"), or by its last word ("Sabah");
 * never a place. The corpus links names across articles by the same rule.
 */
export function isShortFormOf(type: EntityType, long: readonly string[], short: readonly string[]): boolean {
  if (type === 'place') return false;
  const L = long;
  const S = short;
  if (S.length >= L.length || S.length === 0) return false;
  if (type === 'organization' && S.length === 1 && L[L.length - 1] === S[0]) return true;
  const maxStart = type === 'organization' ? 0 : L.length - S.length;
  for (let s = 0; s <= maxStart; s++) {
    let ok = true;
    for (let k = 0; ok && k < S.length; k++) ok = L[s + k] === S[k];
    if (ok) return true;
  }
  return false;
}

const entityIds: string[] = [];
/** `e1`, `e2`...: one string per number for all groupings (the analyser's kept mentions hold them across edits). */
export const entityId = (i: number) => (entityIds[i] ??= `e${i + 1}`);

/** The kept index of each article's forms (one per Slots: the analyser's lives as long as the article's slots). */
const indexes = new WeakMap<Slots, FormIndex>();
/** The index of the forms kept with `slots` (made on first need). */
export function formIndexOf(slots: Slots): FormIndex {
  let index = indexes.get(slots);
  if (!index) indexes.set(slots, (index = new FormIndex()));
  return index;
}

/**
 * The last grouping made with a Slots, as regroup-entities.ts updates it after an edit: its mentions, each one's
 * group, the groups in the order of their entities, and the epoch of its forms.
 */
export interface KeptEntities {
  mentions: readonly Working[];
  groupOf: Group[];
  /** Each mention's form (same index): a walk over the mentions reads it here, not through the mention's slot. */
  forms: Form[];
  groups: Group[];
  /** The groups' entities, in the same order (a copy: the grouping's list is handed on). */
  entities: Entity[];
  epoch: object;
  /** The forms that are one of several candidates of a form (theirs is the only last sighting that decides). */
  contested: Form[];
}
/** Set when a grouping is complete, dropped when another starts (one given up half-way leaves none). */
export const keptEntities = new WeakMap<Slots, KeptEntities>();

/**
 * Groups mentions into entities, setting each mention's `entity`; ids in order of first mention; canonical name =
 * longest full form.
 */
export function buildEntities(work: Working[], expansions: ReadonlyMap<string, string>, slots = new Slots()): Entity[] {
  const run = buildEntitiesSteps(work, expansions, slots);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

/** Mentions handled per step of buildEntitiesSteps (a few milliseconds). */
const STEP_MENTIONS = 8000;

/** buildEntities a step at a time (yielding every few thousand mentions): Analyzer.analyzeSteps. */
export function* buildEntitiesSteps(work: Working[], expansions: ReadonlyMap<string, string>, slots = new Slots()): Generator<void, Entity[], void> {
  // each surface's forms by type hang on its slot (no per-mention key strings to build and hash); a slot kept from an
  // earlier grouping (the analyser's) keeps its forms too, and they are reset here rather than allocated again
  keptEntities.delete(slots);
  const epoch: object = {};
  const allForms: Form[] = [];
  const formOf: Form[] = new Array<Form>(work.length);
  for (let idx = 0; idx < work.length; idx++) {
    if (idx % STEP_MENTIONS === STEP_MENTIONS - 1) yield;
    const m = work[idx];
    const slot = slots.of(m);
    const slotForms = (slot.forms ??= {}) as Partial<Record<EntityType, Form>>;
    let f = slotForms[m.type];
    if (!f || f.epoch !== epoch) {
      if (f) {
        f.epoch = epoch;
        f.first = idx;
        f.rank = allForms.length;
        f.lastSeen = -1;
        f.root = undefined;
        f.group = undefined;
        f.joined = undefined;
        f.count = 0;
      } else {
        f = newForm(epoch, m.surface, m.type, slot.words.name);
        f.first = idx;
        f.rank = allForms.length;
        slotForms[m.type] = f;
      }
      allForms.push(f);
    }
    f.count++;
    formOf[idx] = f;
  }
  /** The form of `surface` with `type` in this grouping, if a mention has it. */
  const formFor = (surface: string, type: EntityType): Form | undefined => {
    const f = (slots.get(surface)?.forms as Partial<Record<EntityType, Form>> | undefined)?.[type];
    return f && f.epoch === epoch ? f : undefined;
  };
  // per type, word -> the multi-word forms containing it, to find the full form of a short one without an all-pairs
  // scan: kept with the slots across groupings (patched for the forms that came and went)
  const index = formIndexOf(slots);
  index.update(allForms, epoch);
  const containingIndex = index;
  const none: Form[] = [];
  const contains = (long: Form, short: Form): boolean => isShortFormOf(long.type, long.words, short.words);
  // each form's candidate full forms: the longest forms containing it (computed once per form)
  const contested: Form[] = [];
  const candidatesOf = (f: Form): Form[] => {
    const list = f.candidates;
    if (list && f.candidatesRun === containingIndex.current) return list;
    const made = candidatesNow(f);
    if (made.length > 1) {
      // their last sightings decide (a regrouping that changes one's sightings walks the mentions again)
      for (const c of made) {
        if (c.contested === epoch) continue;
        c.contested = epoch;
        contested.push(c);
      }
    }
    return made;
  };
  /** candidatesOf(f) made for this grouping (kept on the form as long as the index's lists for its words stay). */
  const candidatesNow = (f: Form): Form[] => {
    let list = f.candidates;
    const expansion = expansions.size > 0 ? expansions.get(f.surface) : undefined;
    const expanded = expansion !== undefined ? formFor(expansion, f.type) : undefined;
    if (expanded && expanded !== f) {
      list = [expanded];
      // a list from the acronyms holds for this grouping only
      f.candidates = list;
      f.candidatesRun = -1;
      return list;
    }
    if (list && expansion === undefined && containingIndex.candidatesHold(f)) {
      f.candidatesRun = containingIndex.current;
      return list;
    }
    if (f.words.length === 0) list = [];
    else {
      // a form containing f contains each of its words: the shortest of their lists holds them all (the first
      // word's list alone made thousands of names sharing a first word, "John ...", an all-pairs scan)
      let pool: readonly Form[] = none;
      for (let w = 0; w < f.words.length; w++) {
        const list = containingIndex.containing(f.type, f.words[w]) ?? none;
        if (w === 0 || list.length < pool.length) pool = list;
      }
      // the longest of those containing f, in the pool's order (longest first: only a longer form can contain f)
      list = [];
      for (const c of pool) {
        if (c.words.length <= f.words.length || (list.length > 0 && c.words.length < list[0].words.length)) break;
        if (contains(c, f)) list.push(c);
      }
    }
    f.candidates = list;
    // an acronym's list (found just above when the expansion had no form) is not kept either
    f.candidatesRun = expansion === undefined ? containingIndex.current : -1;
    return list;
  };
  // ties between full forms of the same length go to the one seen most recently
  const parentOf = (f: Form): Form => {
    const list = candidatesOf(f);
    if (list.length <= 1) return list[0] ?? f;
    let best = list[0];
    for (const c of list) if (c.lastSeen > best.lastSeen) best = c;
    return best;
  };
  const groups: Group[] = [];
  const entities: Entity[] = [];
  const groupOf: Group[] = new Array<Group>(work.length);
  yield;
  for (let idx = 0; idx < work.length; idx++) {
    if (idx % STEP_MENTIONS === STEP_MENTIONS - 1) yield;
    const m = work[idx];
    const form = formOf[idx];
    let root = form.root;
    if (root === undefined) {
      // up to five steps from the form to its root; a chain where no form has a choice of full forms ends at the same
      // root for every mention (it does not depend on which was seen last): kept with the form
      let fixed = true;
      root = form;
      for (let guard = 0; guard < 5; guard++) {
        if (candidatesOf(root).length > 1) fixed = false;
        const p = parentOf(root);
        if (p === root) break;
        root = p;
      }
      if (fixed) form.root = root;
    }
    form.lastSeen = m.start;
    root.lastSeen = Math.max(root.lastSeen, m.start);
    let g = root.group;
    if (!g) {
      // the group and entity the root had in an earlier grouping of the article are used again (the previous
      // grouping is dropped by then, and the analyser hands out copies of the entities)
      g = root.keptGroup;
      if (g) {
        g.entity.id = entityId(entities.length);
        g.entity.type = m.type;
        g.entity.name = root.surface;
        g.surfaces = [];
      } else {
        const entity: Entity = { id: entityId(entities.length), type: m.type, name: root.surface, aliases: [] };
        g = root.keptGroup = { entity, surfaces: [], canonical: root, first: m };
      }
      g.first = m;
      root.group = g;
      groups.push(g);
      entities.push(g.entity);
    }
    // a form's mentions share its surface: add it once per group it joins (again if it joined another in between:
    // the duplicates go below)
    if (form.joined !== g) {
      g.surfaces.push(m.surface);
      form.joined = g;
    }
    m.entity = g.entity.id;
    groupOf[idx] = g;
  }
  for (const g of groups) {
    const aliases = g.surfaces;
    // the surfaces and the canonical name, sorted, without repeats: most entities are one surface, or a few seen in
    // order, among them the canonical name (a sort's setup costs more than the checks)
    if (!aliases.includes(g.canonical.surface)) aliases.push(g.canonical.surface);
    if (!strictlyAscending(aliases)) {
      aliases.sort();
      let n = 1;
      for (let k = 1; k < aliases.length; k++) if (aliases[k] !== aliases[n - 1]) aliases[n++] = aliases[k];
      aliases.length = n;
    }
    g.entity.aliases = aliases;
    g.entity.name = g.canonical.surface;
  }
  keptEntities.set(slots, { mentions: work, groupOf, forms: formOf, groups, entities: entities.slice(), epoch, contested });
  return entities;
}

/** Whether each string sorts after the one before it (a sort and removal of repeats would leave the list as it is). */
function strictlyAscending(list: readonly string[]): boolean {
  for (let k = 1; k < list.length; k++) if (!(list[k - 1] < list[k])) return false;
  return true;
}
