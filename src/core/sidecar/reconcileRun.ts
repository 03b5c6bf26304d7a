// reconcile's work as a generator of bounded steps (reconcileSteps in ./reconcile.ts runs it): on a 1.5 MB article it
// goes over some 40,000 mentions several times (filter, id matching, building, tidying the entities), 60-150 ms in
// one go, so the editor runs it a few steps per task, yielding in between, as it runs the analysis. Each loop over the
// mentions yields every RECONCILE_SLICES.mentions of them; the steps compute exactly what one call did, in the same order.
import { anchorAll, quoteContext } from '../anchor';
import { resolveDateText } from '../dates/resolve';
import { sha256Hex } from '../hash';
import { overlapLookup } from '../spans';
import type { Entity, EntityType, Span } from '../types';
import { collectAliasForms, findEntityFor, isEntityType, makeAnnotation, nextId, tidiedEntities } from './model';
import type { ReconcileInput, ReconcileOutput, ReconcileReport } from './reconcile';
import { sameAuto } from './reuse';
import { keepAnnotationIdSteps, keepEntityIdSteps } from './stableIds';
import { SIDECAR_VERSION, type Orphan, type Rejection, type Sidecar, type SidecarAnnotation } from './types';

export const DEFAULT_GENERATOR = 'news-annotator';

/** How much each step handles (the tests make them small to cut the run at every place). */
export interface ReconcileSlices {
  /** Mentions per step in the loops over every mention (4,000: a few milliseconds on a loaded machine). */
  mentions: number;
  /** Entities per step where each costs more than a mention (names compared, aliases sorted). */
  entities: number;
  /** User-owned annotations mapped onto entities per step (each may search the entities by name). */
  manual: number;
}

export const RECONCILE_SLICES: ReconcileSlices = { mentions: 4000, entities: 500, manual: 200 };

/** Annotations the user owns: manual ones, and auto ones carrying a note (treated as manual so the note is kept). */
const isUserOwned = (a: SidecarAnnotation) => a.source === 'manual' || a.note !== undefined;

export function* reconcileRun(input: ReconcileInput, slices: ReconcileSlices = RECONCILE_SLICES): Generator<void, ReconcileOutput, void> {
  const { mentions, entities: entitySlice, manual: manualSlice } = slices;
  const { text, analysis, previous } = input;
  const now = input.now ?? new Date(0).toISOString();
  const report: ReconcileReport = { placed: [], orphaned: [], restored: [], suppressed: 0 };

  // hashing a 1.5 MB article costs about 20 ms: not after every pause in typing when nothing needs the hash until a save
  const sha256 = input.sameText !== undefined && previous ? previous.document.sha256 : sha256Hex(text);
  const kept: SidecarAnnotation[] = [];
  const orphans: Orphan[] = [];
  let rejections: Rejection[] = [];
  /** `type:start:end` of the auto annotations the user accepted, placed in the text now. */
  const reviewedAt = new Set<string>();

  if (previous) {
    const owned = previous.annotations.filter(isUserOwned);
    const unchanged = input.sameText ?? previous.document.sha256 === sha256;
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
    yield;
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
    yield;
    // the user's acceptance of an auto annotation carries over to the fresh one at the same span and type (re-anchored
    // like a rejection); one the analysis no longer finds takes its review with it
    const reviewed = previous.annotations.filter(a => !isUserOwned(a) && a.reviewed === true);
    const placedReviewed = unchanged && reviewed.every(holds) ? reviewed : anchorAll(text, reviewed);
    reviewed.forEach((a, i) => {
      const at = placedReviewed[i];
      if (at) reviewedAt.add(`${a.type}:${at.start}:${at.end}`);
    });
    yield;
  }

  // auto annotations: manual ones win where they overlap, rejected ones stay out
  const rejected = new Set(rejections.map(r => `${r.type}:${r.start}:${r.end}`));
  const covered = overlapLookup(kept);
  const fresh = analysis.annotations;
  const autos: typeof fresh = [];
  for (let i = 0; i < fresh.length; i++) {
    const a = fresh[i];
    // (the keys are only built when there is something to look up: this runs on every auto annotation, every analysis)
    if ((rejected.size > 0 && rejected.has(`${a.type}:${a.start}:${a.end}`)) || covered(a)) report.suppressed++;
    else autos.push(a);
    if ((i + 1) % mentions === 0) yield;
  }
  yield;

  // entity ids: an entity the previous sidecar had keeps its id (./stableIds.ts), with what was attached to it;
  // user-owned mentions are mapped onto them by name, or keep their own
  const previousEntities = new Map((previous?.entities ?? []).map(e => [e.id, e]));
  const entityIds = yield* keepEntityIdSteps(analysis.entities, previous?.entities ?? [], entitySlice);
  yield;
  const entities: Entity[] = analysis.entities.map(e => {
    const id = entityIds.get(e.id)!;
    const old = previousEntities.get(id);
    const out: Entity = { ...e, id, aliases: [...e.aliases] };
    if (old?.externalId !== undefined) out.externalId = old.externalId;
    if (old?.note !== undefined) out.note = old.note;
    return out;
  });
  yield;
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
  // (a lookup among the entities each, unless cached: a slice of them at a time)
  const ref = analysis.referenceDate?.value ?? null;
  const manual: SidecarAnnotation[] = [];
  for (const a of kept) {
    manual.push(withEntity(a.type === 'date' && !a.valueFixed ? reresolved(text, a, ref) : a));
    if (manual.length % manualSlice === 0) yield;
  }
  const orphanList: Orphan[] = [];
  for (const o of orphans) {
    orphanList.push(withEntity(o));
    if (orphanList.length % manualSlice === 0) yield;
  }
  yield;

  // an auto annotation the previous sidecar had keeps its id (./stableIds.ts); never one a user-owned annotation holds;
  // one found again unchanged (same span, fields and context) is kept as it is rather than built again (./reuse.ts)
  const taken = new Set([...manual, ...orphanList].map(a => a.id));
  const { ids: autoIds, same } = yield* keepAnnotationIdSteps(autos, previous?.annotations ?? [], taken, mentions);
  yield;
  const annotations: SidecarAnnotation[] = new Array(autos.length);
  for (let i = 0; i < autos.length; i++) {
    const a = autos[i];
    const entity = a.entity === undefined ? undefined : entityIds.get(a.entity);
    const reviewed = reviewedAt.size > 0 && reviewedAt.has(`${a.type}:${a.start}:${a.end}`);
    const p = same[i];
    if (p !== undefined && sameAuto(text, p, a, entity, reviewed)) annotations[i] = p;
    else annotations[i] = makeAnnotation(text, a, { id: autoIds[i], type: a.type, source: 'auto', entity, value: a.value, precision: a.precision, reviewed });
    if ((i + 1) % mentions === 0) yield;
  }
  for (const a of manual) annotations.push(a);
  yield;

  // tidyEntities (./model.ts), its pass over every mention a slice at a time
  const forms = new Map<string, Set<string>>();
  for (let i = 0; i < annotations.length; i += mentions) {
    collectAliasForms(forms, annotations, i, Math.min(annotations.length, i + mentions));
    yield;
  }
  collectAliasForms(forms, orphanList, 0, orphanList.length);
  const tidied: Entity[] = [];
  for (let i = 0; i < entities.length; i += entitySlice) {
    for (const e of tidiedEntities(entities.slice(i, i + entitySlice), forms)) tidied.push(e);
    yield;
  }
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
    entities: tidied,
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
