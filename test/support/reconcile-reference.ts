// reconcile as it was before it kept the auto annotations it finds again unchanged (every one built again, its
// context sliced anew, ids matched through maps, the text hashed): the oracle the faster reconcile in
// src/core/sidecar/reconcile.ts must match exactly (test/unit/core/sidecar/reconcile-equivalence.test.ts).
import { anchorAll, quoteContext } from '../../src/core/anchor';
import { resolveDateText } from '../../src/core/dates/resolve';
import { sha256Hex } from '../../src/core/hash';
import { overlapLookup } from '../../src/core/spans';
import type { Annotation, Entity, EntityType, Span } from '../../src/core/types';
import type { ReconcileInput, ReconcileOutput, ReconcileReport } from '../../src/core/sidecar/reconcile';
import { findEntityFor, isEntityType, makeAnnotation, nextId, tidyEntities } from '../../src/core/sidecar/model';
import { keepEntityIds } from '../../src/core/sidecar/stableIds';
import { SIDECAR_VERSION, type Orphan, type Rejection, type Sidecar, type SidecarAnnotation } from '../../src/core/sidecar/types';

const DEFAULT_GENERATOR = 'news-annotator';

/** Annotations the user owns: manual ones, and auto ones carrying a note (treated as manual so the note is kept). */
const isUserOwned = (a: SidecarAnnotation) => a.source === 'manual' || a.note !== undefined;

export function referenceReconcile(input: ReconcileInput): ReconcileOutput {
  const { text, analysis, previous } = input;
  const now = input.now ?? new Date(0).toISOString();
  const report: ReconcileReport = { placed: [], orphaned: [], restored: [], suppressed: 0 };

  const sha256 = sha256Hex(text);
  const kept: SidecarAnnotation[] = [];
  const orphans: Orphan[] = [];
  let rejections: Rejection[] = [];
  /** `type:start:end` of the auto annotations the user accepted, placed in the text now. */
  const reviewedAt = new Set<string>();

  if (previous) {
    const owned = previous.annotations.filter(isUserOwned);
    const unchanged = previous.document.sha256 === sha256;
    // same text: offsets stand (checked against the text, in case the file was edited by hand)
    // (a hand-edited file may hold an empty span, or one past the end that slice() would quietly clamp)
    const holds = (a: Span & { text: string }) => a.end > a.start && a.end <= text.length && text.slice(a.start, a.end) === a.text;
    const placedOwned = unchanged && owned.every(holds) ? owned.map(a => ({ start: a.start, end: a.end, method: 'same' as const })) : anchorAll(text, owned);
    owned.forEach((a, i) => {
      const at = placedOwned[i];
      if (at) {
        kept.push(makeAnnotation(text, at, { ...a, source: 'manual' }));
        report.placed.push({ id: a.id, method: at.method });
      } else {
        orphans.push({ ...a, source: 'manual', orphanedAt: now });
        report.orphaned.push(a.id);
      }
    });
    // earlier orphans come back by themselves when their text does (an undone deletion, a reverted pull)
    const placedOrphans = anchorAll(text, previous.orphans);
    previous.orphans.forEach((o, i) => {
      const at = placedOrphans[i];
      if (at) {
        const { orphanedAt: _gone, ...rest } = o;
        kept.push(makeAnnotation(text, at, rest));
        report.placed.push({ id: o.id, method: at.method });
        report.restored.push(o.id);
      } else orphans.push(o);
    });
    // a rejection whose text is gone rejects nothing any more: it is dropped
    const placedRejections = unchanged && previous.rejections.every(holds) ? previous.rejections : anchorAll(text, previous.rejections);
    rejections = previous.rejections.flatMap((r, i) => {
      const at = placedRejections[i];
      return at ? [{ type: r.type, start: at.start, end: at.end, text: text.slice(at.start, at.end), ...quoteContext(text, at) }] : [];
    });
    // the user's acceptance of an auto annotation carries over to the fresh one at the same span and type (re-anchored
    // like a rejection); one the analysis no longer finds takes its review with it
    const reviewed = previous.annotations.filter(a => !isUserOwned(a) && a.reviewed === true);
    const placedReviewed = unchanged && reviewed.every(holds) ? reviewed : anchorAll(text, reviewed);
    reviewed.forEach((a, i) => {
      const at = placedReviewed[i];
      if (at) reviewedAt.add(`${a.type}:${at.start}:${at.end}`);
    });
  }

  // auto annotations: manual ones win where they overlap, rejected ones stay out
  const rejected = new Set(rejections.map(r => `${r.type}:${r.start}:${r.end}`));
  const covered = overlapLookup(kept);
  // (the keys are only built when there is something to look up: this runs on every auto annotation, every analysis)
  const autos = analysis.annotations.filter(a => {
    const out = (rejected.size > 0 && rejected.has(`${a.type}:${a.start}:${a.end}`)) || covered(a);
    if (out) report.suppressed++;
    return !out;
  });

  // entity ids: an entity the previous sidecar had keeps its id (./stableIds.ts), with what was attached to it;
  // user-owned mentions are mapped onto them by name, or keep their own
  const previousEntities = new Map((previous?.entities ?? []).map(e => [e.id, e]));
  const entityIds = keepEntityIds(analysis.entities, previous?.entities ?? []);
  const entities: Entity[] = analysis.entities.map(e => {
    const id = entityIds.get(e.id)!;
    const old = previousEntities.get(id);
    const out: Entity = { ...e, id, aliases: [...e.aliases] };
    if (old?.externalId !== undefined) out.externalId = old.externalId;
    if (old?.note !== undefined) out.note = old.note;
    return out;
  });
  const mapped = new Map<string, string>();
  const entityFor = (a: { type: SidecarAnnotation['type']; text: string; entity?: string }): string | undefined => {
    if (!isEntityType(a.type)) return undefined;
    const old = a.entity !== undefined ? previousEntities.get(a.entity) : undefined;
    const key = old && old.type === a.type ? `id:${old.id}` : `text:${a.type}:${a.text}`;
    const hit = mapped.get(key);
    if (hit) return hit;
    const name = old && old.type === a.type ? old.name : a.text;
    const type = a.type as EntityType;
    let target = findEntityFor(entities, type, name) ?? (old ? old.aliases.map(x => findEntityFor(entities, type, x)).find(Boolean) : undefined);
    if (!target) {
      const same = old && old.type === a.type ? old : undefined;
      // an entity only the user's mentions keep alive keeps its id too; a new one takes a number never used here
      const free = same && !entities.some(e => e.id === same.id);
      target = {
        id: free ? same.id : nextId([...entities.map(e => e.id), ...previousEntities.keys()], 'e'),
        type,
        name,
        aliases: same ? [...same.aliases] : [name],
      };
      if (same?.externalId !== undefined) target.externalId = same.externalId;
      if (same?.note !== undefined) target.note = same.note;
      entities.push(target);
    }
    mapped.set(key, target.id);
    return target.id;
  };
  const withEntity = <T extends SidecarAnnotation>(a: T): T => {
    const entity = entityFor(a);
    const { entity: _old, ...rest } = a;
    return (entity === undefined ? rest : { ...rest, entity }) as T;
  };
  // a date marked by hand re-resolves against the reference date in force, unless the user fixed its value
  const ref = analysis.referenceDate?.value ?? null;
  const manual = kept.map(a => withEntity(a.type === 'date' && !a.valueFixed ? reresolved(text, a, ref) : a));
  const orphanList = orphans.map(withEntity);

  // an auto annotation the previous sidecar had keeps its id (./stableIds.ts); never one a user-owned annotation holds
  const taken = new Set([...manual, ...orphanList].map(a => a.id));
  const autoIds = keepAnnotationIds(autos, previous?.annotations ?? [], taken);
  const annotations = [
    ...autos.map((a, i) =>
      makeAnnotation(text, a, {
        id: autoIds[i],
        type: a.type,
        source: 'auto',
        entity: a.entity === undefined ? undefined : entityIds.get(a.entity),
        value: a.value,
        precision: a.precision,
        reviewed: reviewedAt.size > 0 && reviewedAt.has(`${a.type}:${a.start}:${a.end}`),
      }),
    ),
    ...manual,
  ];

  const sidecar: Sidecar = {
    version: SIDECAR_VERSION,
    generator: input.generator ?? previous?.generator ?? DEFAULT_GENERATOR,
    document: {
      file: input.file,
      sha256,
      length: text.length,
      referenceDate: analysis.referenceDate?.value ?? null,
      referenceDateSource: analysis.referenceDate?.source ?? null,
    },
    entities: tidyEntities(entities, annotations, orphanList),
    annotations,
    rejections,
    orphans: orphanList,
  };
  if (previous?.$schema !== undefined) sidecar.$schema = previous.$schema;
  return { sidecar, report };
}

/** A manual date with the value its text resolves to now (resolveDateText: the date expression(s) inside it). */
function reresolved(text: string, a: SidecarAnnotation, referenceDate: string | null): SidecarAnnotation {
  const { value, precision } = resolveDateText(a.text, referenceDate);
  if (value === (a.value ?? null) && (precision ?? undefined) === a.precision) return a;
  return makeAnnotation(text, a, { ...a, value, precision: precision ?? undefined });
}

const numberOf = (id: string, prefix: string) => (id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) ? Number(id.slice(prefix.length)) : 0);

const maxNumber = (ids: Iterable<string>, prefix: string) => {
  let max = 0;
  for (const id of ids) max = Math.max(max, numberOf(id, prefix));
  return max;
};

/**
 * Ids for the fresh auto annotations (in their order): the previous auto annotation on the same span with the same
 * type and text keeps its id; of the rest, the k-th remaining mention of a type and text takes the id of the k-th
 * remaining previous one (a mention moved by an edit the sidecar did not follow); new ones get `a<N>` above every
 * auto id in use. `taken`: ids user-owned annotations hold, never given out.
 */
function keepAnnotationIds(fresh: readonly Annotation[], previous: readonly SidecarAnnotation[], taken: ReadonlySet<string>): string[] {
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
