// Ids that last: a fresh analysis numbers its entities e1.. and its annotations a1.. in text order, so retyping one
// name or inserting a sentence would renumber everything after it (noisy sidecar diffs, broken references from
// outside). Reconcile maps the fresh analysis onto the previous sidecar instead: an entity or auto annotation the
// previous sidecar already had keeps its id; a new one gets the next number never used in that sidecar.
import type { Annotation, Entity } from '../types';
import { spacedName } from './model';
import type { SidecarAnnotation } from './types';

/** N of an id `<prefix>N` (digits only), else 0; read digit by digit, since it runs for every mention of an article. */
function numberOf(id: string, prefix: string): number {
  if (id.length <= prefix.length || !id.startsWith(prefix)) return 0;
  let n = 0;
  for (let i = prefix.length; i < id.length; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return 0;
    n = n * 10 + c;
  }
  return n;
}

const maxNumber = (ids: Iterable<string>, prefix: string) => {
  let max = 0;
  for (const id of ids) max = Math.max(max, numberOf(id, prefix));
  return max;
};

/**
 * For each fresh entity id, the id it keeps: the previous entity of the same type with the same canonical name,
 * else one sharing an alias with it (each previous id goes to one fresh entity), else `e<N>` above every entity id
 * the previous sidecar holds.
 */
export function keepEntityIds(fresh: readonly Entity[], previous: readonly Entity[]): Map<string, string> {
  return runToEnd(keepEntityIdSteps(fresh, previous, Infinity));
}

/** keepEntityIds yielding after every `slice` entities of each of its passes (reconcile runs it in steps). */
export function* keepEntityIdSteps(fresh: readonly Entity[], previous: readonly Entity[], slice: number): Generator<void, Map<string, string>, void> {
  const out = new Map<string, string>();
  if (previous.length === 0) {
    for (const e of fresh) out.set(e.id, e.id);
    return out;
  }
  const byName = new Map<string, Entity>();
  const byAlias = new Map<string, Entity[]>();
  for (let i = 0; i < previous.length; i++) {
    const p = previous[i];
    const name = `${p.type}:${spacedName(p.name)}`;
    if (!byName.has(name)) byName.set(name, p);
    for (const a of p.aliases) {
      const key = `${p.type}:${spacedName(a)}`;
      const list = byAlias.get(key);
      if (list) list.push(p);
      else byAlias.set(key, [p]);
    }
    if ((i + 1) % slice === 0) yield;
  }
  const claimed = new Set<string>();
  const unmatched: Entity[] = [];
  for (let i = 0; i < fresh.length; i++) {
    const e = fresh[i];
    const p = byName.get(`${e.type}:${spacedName(e.name)}`);
    if (p && !claimed.has(p.id)) {
      claimed.add(p.id);
      out.set(e.id, p.id);
    } else unmatched.push(e);
    if ((i + 1) % slice === 0) yield;
  }
  let next = maxNumber(
    previous.map(p => p.id),
    'e',
  );
  for (let i = 0; i < unmatched.length; i++) {
    const e = unmatched[i];
    let kept: Entity | undefined;
    for (const a of [e.name, ...e.aliases]) {
      kept = byAlias.get(`${e.type}:${spacedName(a)}`)?.find(p => !claimed.has(p.id));
      if (kept) break;
    }
    if (kept) claimed.add(kept.id);
    out.set(e.id, kept ? kept.id : `e${++next}`);
    if ((i + 1) % slice === 0) yield;
  }
  return out;
}

/** A generator's return value, run to the end in one call. */
function runToEnd<T>(run: Generator<void, T, void>): T {
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

/** The fresh auto annotations' ids, and for each the previous annotation it matched on the same span (reconcile reuses it). */
export interface AnnotationIds {
  ids: string[];
  /** same[i]: the previous auto annotation with fresh[i]'s span, type and text, whose id it keeps; else undefined. */
  same: (SidecarAnnotation | undefined)[];
}

/**
 * Ids for the fresh auto annotations (in their order): the previous auto annotation on the same span with the same
 * type and text keeps its id; of the rest, the k-th remaining mention of a type and text takes the id of the k-th
 * remaining previous one (a mention moved by an edit the sidecar did not follow); new ones get `a<N>` above every
 * auto id in use. `taken`: ids user-owned annotations hold, never given out.
 * It runs after every pause in typing over every mention (some 40,000 in a 1.5 MB article): both lists usually come
 * sorted by start, so the same-span pass is one walk over them with no map, no string and no set built per mention.
 */
export function keepAnnotationIds(fresh: readonly Annotation[], previous: readonly SidecarAnnotation[], taken: ReadonlySet<string>): AnnotationIds {
  return runToEnd(keepAnnotationIdSteps(fresh, previous, taken, Infinity));
}

/** keepAnnotationIds yielding after every `slice` fresh mentions of each of its passes (reconcile runs it in steps). */
export function* keepAnnotationIdSteps(
  fresh: readonly Annotation[],
  previous: readonly SidecarAnnotation[],
  taken: ReadonlySet<string>,
  slice: number,
): Generator<void, AnnotationIds, void> {
  const before: SidecarAnnotation[] = [];
  let max = maxNumber(taken, 'a');
  for (let k = 0; k < previous.length; k++) {
    const a = previous[k];
    if ((k + 1) % slice === 0) yield;
    if (a.source !== 'auto') continue;
    const n = numberOf(a.id, 'a');
    if (n > 0 && !(taken.size > 0 && taken.has(a.id))) {
      before.push(a);
      if (n > max) max = n;
    }
  }
  let next = max;
  const ids = new Array<string>(fresh.length);
  const same = new Array<SidecarAnnotation | undefined>(fresh.length).fill(undefined);
  if (before.length === 0) {
    for (let i = 0; i < fresh.length; i++) ids[i] = `a${++next}`;
    return { ids, same };
  }
  yield;
  const used = new Uint8Array(before.length);
  const left =
    sortedByStart(fresh) && sortedByStart(before)
      ? yield* sameSpansSorted(fresh, before, used, ids, same, slice)
      : sameSpansAnyOrder(fresh, before, used, ids, same);
  if (left.length > 0) {
    yield;
    const byText = new Map<string, SidecarAnnotation[]>();
    for (let k = 0; k < before.length; k++) {
      if (used[k] === 1) continue;
      const a = before[k];
      const key = `${a.type}:${a.text}`;
      const list = byText.get(key);
      if (list) list.push(a);
      else byText.set(key, [a]);
      if ((k + 1) % slice === 0) yield;
    }
    for (let n = 0; n < left.length; n++) {
      const i = left[n];
      const p = byText.get(`${fresh[i].type}:${fresh[i].text}`)?.shift();
      ids[i] = p ? p.id : `a${++next}`;
      if ((n + 1) % slice === 0) yield;
    }
  }
  return { ids, same };
}

const sortedByStart = (xs: readonly { start: number }[]) => {
  for (let i = 1; i < xs.length; i++) if (xs[i].start < xs[i - 1].start) return false;
  return true;
};

const sameSpan = (a: Annotation, p: SidecarAnnotation) => p.end === a.end && p.type === a.type && p.text === a.text;

/** The same-span pass over two lists sorted by start: the candidates for a fresh mention are the run of previous ones at its start, in their order. */
function* sameSpansSorted(
  fresh: readonly Annotation[],
  before: readonly SidecarAnnotation[],
  used: Uint8Array,
  ids: string[],
  same: AnnotationIds['same'],
  slice: number,
): Generator<void, number[], void> {
  const left: number[] = [];
  let j = 0;
  for (let i = 0; i < fresh.length; i++) {
    const a = fresh[i];
    while (j < before.length && before[j].start < a.start) j++;
    let hit = -1;
    for (let k = j; k < before.length && before[k].start === a.start; k++) {
      if (used[k] === 0 && sameSpan(a, before[k])) {
        hit = k;
        break;
      }
    }
    if (hit >= 0) {
      used[hit] = 1;
      ids[i] = before[hit].id;
      same[i] = before[hit];
    } else left.push(i);
    if ((i + 1) % slice === 0) yield;
  }
  return left;
}

/** The same pass for lists in any order (a hand-edited sidecar): the candidates are looked up by start. */
function sameSpansAnyOrder(
  fresh: readonly Annotation[],
  before: readonly SidecarAnnotation[],
  used: Uint8Array,
  ids: string[],
  same: AnnotationIds['same'],
): number[] {
  const byStart = new Map<number, number[]>();
  for (let k = 0; k < before.length; k++) {
    const list = byStart.get(before[k].start);
    if (list) list.push(k);
    else byStart.set(before[k].start, [k]);
  }
  const left: number[] = [];
  for (let i = 0; i < fresh.length; i++) {
    const a = fresh[i];
    const hit = byStart.get(a.start)?.find(k => used[k] === 0 && sameSpan(a, before[k]));
    if (hit !== undefined) {
      used[hit] = 1;
      ids[i] = before[hit].id;
      same[i] = before[hit];
    } else left.push(i);
  }
  return left;
}
