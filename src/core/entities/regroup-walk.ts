// regroup-entities.ts's walk over an article's mentions when last sightings decide: buildEntities' per-mention pass,
// where each mention's entity is already known but for the changed ones, so only the ties of full forms are decided
// (from the last sightings of the forms that are one of several candidates), to see that every other mention keeps its
// entity and to give the changed ones theirs.
import type { Form, Group } from './form-index';
import type { Changed } from './regroup-forms';
import type { Replaced } from './regroup-entities';

/**
 * buildEntities' walk over the mentions again, where the last sightings decide (from the first run on: the mentions
 * before it have their entities as before), writing the changed mentions' groups and the entities of each changed
 * form's mentions before and after. False when another mention's entity would change (a tie broken otherwise).
 */
export function walkAgain(
  /** Each mention's form, in order (read from this list: no mention, slot or map of forms read per mention). */
  forms: readonly Form[],
  groupOf: Group[],
  replaced: readonly Replaced[],
  starts: readonly number[],
  heads: readonly number[],
  tails: readonly number[],
  contested: readonly Form[],
  epoch: object,
  token: object,
  changed: ReadonlyMap<Form, Changed>,
  /** The mentions before it keep their entities without deciding (none of their ties can be broken otherwise). */
  decideFrom: number,
  /** Gets the indices of the relisted forms' mentions (their entities may be others). */
  relistedAt: number[],
): boolean {
  for (const f of contested) f.lastSeen = -1;
  // A form with a choice takes its most recently seen candidate (the first of those seen last). The candidates' last
  // sightings only grow as the walk goes, one at a time: each form's choice is read once from its list, then kept as
  // they grow (a candidate seen now is the choice of the lists holding it, unless one before it was seen as late),
  // not read again from the list at every mention (short names have dozens of candidates and thousands of mentions).
  const walk = {};
  const parentOf = (f: Form): Form => {
    const list = f.candidates!;
    if (list.length <= 1) return list[0] ?? f;
    if (f.choiceIn !== walk) {
      let best = list[0];
      for (const c of list) if (c.lastSeen > best.lastSeen) best = c;
      f.choice = best;
      f.choiceIn = walk;
      for (const c of list) {
        if (c.chosenByIn !== walk) {
          c.chosenBy = [];
          c.chosenByIn = walk;
        }
        c.chosenBy!.push(f);
      }
    }
    return f.choice!;
  };
  const seen = (c: Form, k: number) => {
    c.lastSeen = k;
    if (c.chosenByIn !== walk) return;
    for (const o of c.chosenBy!) {
      const best = o.choice!;
      if (best !== c && (k > best.lastSeen || (k === best.lastSeen && o.candidates!.indexOf(c) < o.candidates!.indexOf(best)))) o.choice = c;
    }
  };
  const from = starts[0];
  let r = 0;
  let mid0 = starts[0] + heads[0];
  let mid1 = starts[0] + replaced[0].list.length - tails[0];
  for (let k = 0; k < forms.length; k++) {
    const f = forms[k];
    while (k >= mid1 && ++r < replaced.length) {
      mid0 = starts[r] + heads[r];
      mid1 = starts[r] + replaced[r].list.length - tails[r];
    }
    const middle = k >= mid0 && k < mid1;
    let root: Form;
    if (k < decideFrom) root = groupOf[k].canonical;
    else if (f.root !== undefined) root = f.root;
    else {
      if (f.candidates === undefined) return false;
      root = f;
      for (let guard = 0; guard < 5; guard++) {
        const p = parentOf(root);
        if (p === root) break;
        root = p;
      }
    }
    if (f.contested === epoch) seen(f, k);
    if (root.contested === epoch) seen(root, k);
    const c = f.changedIn === token ? changed.get(f)! : undefined;
    if (middle || c?.relisted) {
      // a changed mention, or one whose candidates were made again: its entity now
      const g = root.group;
      if (g === undefined || g.canonical !== root) return false;
      if (!middle) {
        c!.was!.add(groupOf[k]);
        relistedAt.push(k);
      }
      groupOf[k] = g;
    } else if (groupOf[k].canonical !== root) return false;
    if (c) {
      c.now!.add(groupOf[k]);
      if (!middle && !c.relisted) c.was!.add(groupOf[k]);
      if (k < from) c.early = true;
    }
  }
  // a candidate of others whose first mention changed may come before or after others of its length in their lists
  for (const c of changed.values()) if (c.listed && !c.early) return false;
  return true;
}
