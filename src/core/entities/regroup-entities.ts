// The entities after a regrouping of a few lines (regroup.ts), from the last grouping's, with work in proportion to
// the mentions that changed rather than to the article. buildEntities decides a mention's entity by walking from its
// form (surface and type) to the longest full forms containing it, the most recently seen of them on a tie. A form
// whose mentions changed (typing in a name: its old and new surface) that is no other form's full form, and whose own
// walk has no tie to break, has the same entity for all its mentions whatever their order: its own, or the one of the
// full name it shortens (provided that full name's last sighting breaks no tie elsewhere). When every changed form is
// such a form (regroup-forms.ts), every other mention keeps its entity: the changed forms' entities come, go or move
// to the place of their first mention, their aliases follow, and the ids after the first that moved are numbered
// again (regroup-groups.ts). When last sightings decide (a surname with several full names), or a full name comes or
// goes (the one-word forms it contains get their candidates made again), the mentions are walked again deciding only
// the ties (regroup-walk.ts), to see that no other mention changes entity. Otherwise, or when unsure (an expansion of
// an acronym or abbreviation, a kept grouping that is not the one given), the whole article is grouped again. A
// randomized test compares both with a fresh grouping.
import type { Entity, EntityType } from '../types';
import { buildEntities, formIndexOf, isShortFormOf, keptEntities } from './build';
import { newForm, type Form, type Group } from './form-index';
import { candidateOfNone, containedForms, fullForms, relist, rootOf, type Changed } from './regroup-forms';
import { followEntities, numbered } from './regroup-groups';
import { walkAgain } from './regroup-walk';
import type { Slots, Working } from './mention-set';

/** The old mentions [from, to) replaced by `list` (the new mentions of a line matched again), in order. */
export interface Replaced {
  from: number;
  to: number;
  list: readonly Working[];
}

/** How the regroupings went: updated from the last grouping, or grouped whole (for tests and the bench). */
export const regroupCounts = { updated: 0, whole: 0 };

/**
 * buildEntities(mentions, expansions, slots), where `mentions` are `old` (the mentions of the last grouping made with
 * `slots`) with the runs `replaced` replaced, and the other mentions the same objects with the same surface and type.
 * `outside.from`, when given, gets the index of the first mention outside the runs whose entity may be another than
 * before (the mentions' count: none), so that what was made from the others need not be read again.
 */
export function regroupEntities(
  old: readonly Working[],
  replaced: readonly Replaced[],
  mentions: Working[],
  expansions: ReadonlyMap<string, string>,
  slots: Slots,
  outside: { from: number } = { from: 0 },
): Entity[] {
  const entities = updatedEntities(old, replaced, mentions, expansions, slots, outside);
  if (entities) {
    regroupCounts.updated++;
    return entities;
  }
  regroupCounts.whole++;
  outside.from = 0;
  return buildEntities(mentions, expansions, slots);
}

function updatedEntities(
  old: readonly Working[],
  replaced: readonly Replaced[],
  mentions: Working[],
  expansions: ReadonlyMap<string, string>,
  slots: Slots,
  outside: { from: number },
): Entity[] | undefined {
  const kept = keptEntities.get(slots);
  if (!kept || kept.mentions !== old || replaced.length === 0) return undefined;
  const { epoch } = kept;
  const index = formIndexOf(slots);
  // (a mention of the kept grouping has its form of that grouping; a new one's form is made or reset to it)
  const formOf = (m: Working): Form => {
    const slot = slots.of(m);
    const forms = (slot.forms ??= {}) as Partial<Record<EntityType, Form>>;
    let f = forms[m.type];
    if (!f) f = forms[m.type] = newForm(epoch, m.surface, m.type, slot.words.name);
    else if (f.epoch !== epoch) {
      f.epoch = epoch;
      f.lastSeen = -1;
      f.root = undefined;
      f.group = undefined;
      f.joined = undefined;
      f.count = 0;
    }
    return f;
  };

  /** The kept grouping's form of one of its mentions (undefined: the kept grouping is not that grouping). */
  const keptForm = (m: Working): Form | undefined => {
    const f = (m.slot?.forms as Partial<Record<EntityType, Form>> | undefined)?.[m.type];
    return f && f.epoch === epoch && f.count > 0 ? f : undefined;
  };

  // Read only until the checks are done (a form reset above is reset again by buildEntities).
  // Each run's mentions matched from either end by form: the rest changed (a name typed into changes its form;
  // the line's other names are the same forms in the same order, if at other offsets)
  const changed = new Map<Form, Changed>();
  const change = (f: Form, by: number) => {
    let c = changed.get(f);
    if (!c) changed.set(f, (c = { form: f, before: f.count, after: f.count }));
    c.after += by;
  };
  const heads: number[] = [];
  const tails: number[] = [];
  /** Each run's mentions' forms. */
  const nows: Form[][] = [];
  /** Each run's first index in the new mentions. */
  const starts: number[] = [];
  let shift = 0;
  for (const r of replaced) {
    starts.push(r.from + shift);
    shift += r.list.length - (r.to - r.from);
  }
  for (const r of replaced) {
    const n0 = r.to - r.from;
    const n1 = r.list.length;
    const was: Form[] = [];
    for (let k = r.from; k < r.to; k++) {
      const f = keptForm(old[k]);
      if (!f) return undefined;
      was.push(f);
    }
    const now = r.list.map(formOf);
    nows.push(now);
    let head = 0;
    while (head < n0 && head < n1 && was[head] === now[head]) head++;
    let tail = 0;
    while (tail < n0 - head && tail < n1 - head && was[n0 - 1 - tail] === now[n1 - 1 - tail]) tail++;
    for (let k = head; k < n0 - tail; k++) change(was[k], -1);
    for (let k = head; k < n1 - tail; k++) {
      change(now[k], 1);
      changed.get(now[k])!.firstNew ??= starts[heads.length] + k;
    }
    heads.push(head);
    tails.push(tail);
  }
  // the last sightings decide some changed form's entities, or break a tie that one changes: the mentions are walked
  // again (cheaply: each one's entity was known) to see that every other mention keeps its entity
  let replay = false;
  /** The one-word forms whose candidate full forms are made again (a full name of theirs came or went). */
  const relisted = new Map<Form, Changed>();
  for (const c of changed.values()) {
    if (c.after < 0) return undefined;
    if (!candidateOfNone(c.form, changed, index, expansions)) {
      // a full form of others: their candidates stay if it stays (its sightings may break their ties); a full name
      // that comes or goes changes the candidates of the one-word forms it contains (a surname seen alone), in one run
      if (c.before > 0 !== c.after > 0) {
        // (an expansion's full form: the acronym's candidates change too)
        if (expansions.has(c.form.surface) || [...expansions.values()].includes(c.form.surface)) return undefined;
        for (const x of changed.keys()) if (x !== c.form && x.type === c.form.type && isShortFormOf(x.type, c.form.words, x.words)) return undefined;
        for (const g of containedForms(c.form, index)) {
          if (changed.has(g) || g.words.length !== 1) return undefined;
          relisted.set(g, { form: g, before: g.count, after: g.count, relisted: true, was: new Set(), now: new Set() });
        }
      } else c.listed = true;
      replay = true;
    }
    const list = fullForms(c.form, changed, index, expansions);
    const root = rootOf(c.form, changed, index, expansions);
    if (!list || root === undefined) return undefined;
    c.list = list;
    // its root before (a form with a choice has none)
    if (c.before > 0 && c.form.root !== (root ?? undefined)) return undefined;
    if (root === null) replay = true;
    else if (root !== c.form) {
      // another form's entity, which it joins or leaves, with its group (whose last sighting may break a tie)
      if (root.group === undefined || root.group.canonical !== root) return undefined;
      if (root.contested === epoch) replay = true;
    } else if (c.before > 0 && (root.group === undefined || root.group.canonical !== root)) return undefined;
    c.root = root ?? undefined;
  }

  // From here on the kept grouping is changed (a give-up below leaves the forms to buildEntities, which resets them).
  keptEntities.delete(slots);
  // each mention's form: the kept list with the runs' put in place, from the last run
  const forms = kept.forms;
  for (let i = replaced.length - 1; i >= 0; i--) {
    const { from, to } = replaced[i];
    const now = nows[i];
    if (now.length === to - from) for (let j = 0; j < now.length; j++) forms[from + j] = now[j];
    else forms.splice(from, to - from, ...now);
  }
  if (forms.length !== mentions.length) return undefined;
  const came: Form[] = [];
  const went: Form[] = [];
  const token = {};
  const contested = kept.contested;
  for (const c of changed.values()) {
    const f = c.form;
    if (c.before === 0 && c.after > 0) came.push(f);
    else if (c.before > 0 && c.after === 0) went.push(f);
    f.count = c.after;
    f.root = c.root;
    f.changedIn = token;
    if (c.before === 0) {
      // (a list made here holds until the index changes: the next buildEntities makes it again)
      f.candidates = c.list!.slice();
      f.candidatesRun = -1;
      if (c.list!.length > 1) {
        for (const x of c.list!) {
          if (x.contested === epoch) continue;
          x.contested = epoch;
          contested.push(x);
        }
      }
    }
    c.was = new Set();
    c.now = new Set();
  }
  index.patch(came, went);
  if (relisted.size > 0 && !relist(relisted, changed, index, expansions, forms, starts[0] + heads[0], token, contested, epoch)) return undefined;
  const cameGroups = new Set<Group>();
  /** Groups leaving their place in the order: gone, or their first mention another. */
  const moved = new Set<Group>();
  for (const f of went) {
    if (f.root === f) {
      moved.add(f.group!);
      f.group = undefined;
    }
  }
  for (const f of came) {
    if (f.root !== f) continue;
    const entity: Entity = { id: '', type: f.type, name: f.surface, aliases: [f.surface] };
    const g: Group = { entity, surfaces: [], canonical: f, first: undefined };
    f.group = f.keptGroup = g;
    cameGroups.add(g);
  }
  // each mention's group: the kept list (no longer needed) with the runs' put in place, from the last run (a matched
  // mention has its match's group; a changed one with a choice is given its group by the walk below)
  const groupOf = kept.groupOf;
  const runs: Group[][] = [];
  for (let i = 0; i < replaced.length; i++) {
    const r = replaced[i];
    const n1 = r.list.length;
    const head = heads[i];
    const tail = tails[i];
    // (the entities the changed mentions that went were in)
    for (let k = r.from + head; k < r.to - tail; k++)
      changed.get((old[k].slot!.forms as Partial<Record<EntityType, Form>>)[old[k].type]!)!.was!.add(groupOf[k]);
    const list: Group[] = new Array<Group>(n1);
    for (let j = 0; j < n1; j++) {
      const m = r.list[j];
      if (j < head || j >= n1 - tail) {
        const was = j < head ? r.from + j : r.to - (n1 - j);
        const g = groupOf[was];
        if (g.first === old[was]) g.first = m;
        list[j] = g;
      } else list[j] = formOf(m).root?.group as Group;
    }
    runs.push(list);
  }
  for (let i = replaced.length - 1; i >= 0; i--) {
    const r = replaced[i];
    const list = runs[i];
    if (list.length === r.to - r.from) for (let j = 0; j < list.length; j++) groupOf[r.from + j] = list[j];
    else groupOf.splice(r.from, r.to - r.from, ...list);
  }
  if (groupOf.length !== mentions.length) return undefined;
  const from = starts[0];
  const relistedAt: number[] = [];
  if (replay) {
    const records = relisted.size > 0 ? new Map([...changed, ...relisted]) : changed;
    if (!walkAgain(forms, groupOf, replaced, starts, heads, tails, contested, epoch, token, records, relisted.size > 0 ? 0 : from, relistedAt))
      return undefined;
  } else {
    for (const c of changed.values()) {
      const g = c.root!.group;
      if (c.before > 0) c.was!.add(g ?? c.form.keptGroup!);
      if (c.after > 0) c.now!.add(g!);
    }
  }
  // the entities the changed forms' mentions are in: their first mention, unless it is before the first run (nothing
  // there changed); their aliases, for the forms that joined or left them (a new list: the analyser hands out the old)
  const records = [...changed.values(), ...relisted.values()];
  // (a relisted form's mentions before the first run may be in other entities now)
  const groups = followEntities(records, kept.groups, groupOf, mentions, relisted.size > 0 ? 0 : from, cameGroups, moved);
  if (!groups) return undefined;
  const entities = numbered(groups, kept.groups, kept.entities, cameGroups, mentions, groupOf, replaced, starts, relistedAt, outside);
  keptEntities.set(slots, { mentions, groupOf, forms, groups, entities: entities.slice(), epoch, contested });
  return entities;
}
