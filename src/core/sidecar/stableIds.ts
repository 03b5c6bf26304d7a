// Ids that last: a fresh analysis numbers its entities e1.. and its annotations a1.. in text order, so retyping one
// name or inserting a sentence would renumber everything after it (noisy sidecar diffs, broken references from
// outside). Reconcile maps the fresh analysis onto the previous sidecar instead: an entity or auto annotation the
// previous sidecar already had keeps its id; a new one gets the next number never used in that sidecar.
import type { Annotation, Entity } from '../types';
import { spacedName } from './model';
import type { SidecarAnnotation } from './types';

const numberOf = (id: string, prefix: string) => (id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) ? Number(id.slice(prefix.length)) : 0);

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
  const out = new Map<string, string>();
  if (previous.length === 0) {
    for (const e of fresh) out.set(e.id, e.id);
    return out;
  }
  const byName = new Map<string, Entity>();
  const byAlias = new Map<string, Entity[]>();
  for (const p of previous) {
    const name = `${p.type}:${spacedName(p.name)}`;
    if (!byName.has(name)) byName.set(name, p);
    for (const a of p.aliases) {
      const key = `${p.type}:${spacedName(a)}`;
      const list = byAlias.get(key);
      if (list) list.push(p);
      else byAlias.set(key, [p]);
    }
  }
  const claimed = new Set<string>();
  const unmatched: Entity[] = [];
  for (const e of fresh) {
    const p = byName.get(`${e.type}:${spacedName(e.name)}`);
    if (p && !claimed.has(p.id)) {
      claimed.add(p.id);
      out.set(e.id, p.id);
    } else unmatched.push(e);
  }
  let next = maxNumber(
    previous.map(p => p.id),
    'e',
  );
  for (const e of unmatched) {
    let kept: Entity | undefined;
    for (const a of [e.name, ...e.aliases]) {
      kept = byAlias.get(`${e.type}:${spacedName(a)}`)?.find(p => !claimed.has(p.id));
      if (kept) break;
    }
    if (kept) claimed.add(kept.id);
    out.set(e.id, kept ? kept.id : `e${++next}`);
  }
  return out;
}

/**
 * Ids for the fresh auto annotations (in their order): the previous auto annotation on the same span with the same
 * type and text keeps its id; of the rest, the k-th remaining mention of a type and text takes the id of the k-th
 * remaining previous one (a mention moved by an edit the sidecar did not follow); new ones get `a<N>` above every
 * auto id in use. `taken`: ids user-owned annotations hold, never given out.
 */
export function keepAnnotationIds(fresh: readonly Annotation[], previous: readonly SidecarAnnotation[], taken: ReadonlySet<string>): string[] {
  const before = previous.filter(a => a.source === 'auto' && numberOf(a.id, 'a') > 0 && !taken.has(a.id));
  const ids = new Array<string>(fresh.length);
  let next = Math.max(
    maxNumber(
      before.map(a => a.id),
      'a',
    ),
    maxNumber(taken, 'a'),
  );
  if (before.length === 0) {
    for (let i = 0; i < fresh.length; i++) ids[i] = `a${++next}`;
    return ids;
  }
  // numbers as keys: one map entry per previous annotation, no string built per mention
  const byStart = new Map<number, SidecarAnnotation[]>();
  for (const a of before) {
    const list = byStart.get(a.start);
    if (list) list.push(a);
    else byStart.set(a.start, [a]);
  }
  const used = new Set<string>();
  const left: number[] = [];
  for (let i = 0; i < fresh.length; i++) {
    const a = fresh[i];
    const p = byStart.get(a.start)?.find(x => x.end === a.end && x.type === a.type && x.text === a.text && !used.has(x.id));
    if (p) {
      used.add(p.id);
      ids[i] = p.id;
    } else left.push(i);
  }
  if (left.length > 0) {
    const byText = new Map<string, SidecarAnnotation[]>();
    for (const a of before) {
      if (used.has(a.id)) continue;
      const key = `${a.type}:${a.text}`;
      const list = byText.get(key);
      if (list) list.push(a);
      else byText.set(key, [a]);
    }
    for (const i of left) {
      const p = byText.get(`${fresh[i].type}:${fresh[i].text}`)?.shift();
      ids[i] = p ? p.id : `a${++next}`;
    }
  }
  return ids;
}
