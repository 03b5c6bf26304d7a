// The entities after regroup-entities.ts has each mention's group: those the changed (and relisted) forms' mentions
// were or are in take their first mention and aliases now and the others keep theirs; then the entities in order of
// first mention, numbered, and the mentions whose entity's id changed given it.
import type { Entity } from '../types';
import { entityId } from './build';
import type { Group } from './form-index';
import type { Working } from './mention-set';
import type { Replaced } from './regroup-entities';
import type { Changed } from './regroup-forms';

/**
 * The groups in order of first mention (the kept ones in place, the new and moved ones put at theirs), after the
 * first mentions and aliases of those the records' forms were or are in; undefined when one is left without mentions
 * (other than a form's own that went). `unchanged`: the mentions before it are in the same entities as before.
 */
export function followEntities(
  records: readonly Changed[],
  kept: readonly Group[],
  groupOf: readonly Group[],
  mentions: readonly Working[],
  unchanged: number,
  cameGroups: ReadonlySet<Group>,
  moved: Set<Group>,
): Group[] | undefined {
  const touched = new Set<Group>();
  for (const c of records) {
    for (const g of c.was!) touched.add(g);
    for (const g of c.now!) touched.add(g);
  }
  for (const g of touched) {
    if (g.canonical.group !== g) continue; // gone with its form
    const first = g.first;
    if (first !== undefined) {
      const j = mentionFrom(mentions, first.start);
      if (j < unchanged && mentions[j] === first) continue;
    }
    let j = unchanged;
    while (j < groupOf.length && groupOf[j] !== g) j++;
    // (an entity left without mentions is only that of a form gone)
    if (j === groupOf.length) return undefined;
    if (mentions[j] !== first) {
      g.first = mentions[j];
      if (!cameGroups.has(g)) moved.add(g);
    }
  }
  const aliasesOf = new Map<Group, string[]>();
  for (const c of records) {
    const f = c.form;
    for (const g of c.was!) {
      if (c.now!.has(g) || g.canonical === f || g.canonical.group !== g) continue;
      const aliases = aliasesOf.get(g) ?? g.entity.aliases.slice();
      aliasesOf.set(g, aliases);
      // (another form of that surface is another type: never in the same entity)
      const at = aliases.indexOf(f.surface);
      if (at >= 0) aliases.splice(at, 1);
    }
    for (const g of c.now!) {
      if (c.was!.has(g) || g.canonical === f) continue;
      const aliases = aliasesOf.get(g) ?? g.entity.aliases.slice();
      aliasesOf.set(g, aliases);
      if (!aliases.includes(f.surface)) aliases.push(f.surface);
    }
  }
  for (const [g, aliases] of aliasesOf) g.entity.aliases = aliases.sort();
  // the groups in order of first mention: the kept ones in place, the new and moved ones put at theirs
  // (the moved ones taken out by identity: no kept group read, each a few objects away)
  const groups = kept.slice();
  for (const g of moved) {
    const k = groups.indexOf(g);
    if (k >= 0) groups.splice(k, 1);
  }
  for (const g of [...cameGroups, ...moved]) {
    if (g.canonical.group !== g) continue; // gone (its form's group is none)
    groups.splice(groupFrom(groups, g.first!.start), 0, g);
  }
  return groups;
}

/**
 * The groups' entities, numbered in order; the mentions of the runs, the relisted forms' and those of an entity whose
 * id changed (all of those from its first mention on) take theirs. `outside.from` gets the index of the first mention
 * outside the runs that may have another entity than before (the mentions' count: none).
 */
export function numbered(
  groups: readonly Group[],
  /** The groups before and their entities (in order: the ids are their places). */
  kept: readonly Group[],
  keptEntities: readonly Entity[],
  cameGroups: ReadonlySet<Group>,
  mentions: readonly Working[],
  groupOf: readonly Group[],
  replaced: readonly Replaced[],
  starts: readonly number[],
  relistedAt: readonly number[],
  outside: { from: number },
): Entity[] {
  // ids in that order; the mentions of an entity whose id changed (all of those from its first mention on) take it
  let renumbered = -1;
  const entities: Entity[] = new Array<Entity>(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    // a group at its place before keeps its entity and id (not read: a new entity moves only those after it)
    if (kept[i] === g) {
      entities[i] = keptEntities[i];
      continue;
    }
    const id = entityId(i);
    if (g.entity.id !== id) {
      if (renumbered < 0 && !cameGroups.has(g)) renumbered = i;
      g.entity.id = id;
    }
    entities[i] = g.entity;
  }
  for (let i = 0; i < replaced.length; i++) for (let j = 0; j < replaced[i].list.length; j++) mentions[starts[i] + j].entity = groupOf[starts[i] + j].entity.id;
  outside.from = mentions.length;
  for (const k of relistedAt) {
    mentions[k].entity = groupOf[k].entity.id;
    outside.from = Math.min(outside.from, k);
  }
  if (renumbered >= 0) {
    const from = mentionFrom(mentions, groups[renumbered].first!.start);
    for (let j = from; j < mentions.length; j++) mentions[j].entity = groupOf[j].entity.id;
    outside.from = Math.min(outside.from, from);
  }
  return entities;
}

/** Index of the first mention starting at or after `x`. */
function mentionFrom(mentions: readonly Working[], x: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first group whose first mention starts at or after `x`. */
function groupFrom(groups: readonly Group[], x: number): number {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid].first!.start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
