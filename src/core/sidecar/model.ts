// Small helpers shared by reconcile and the edit operations: ids, entity bookkeeping, annotation construction.
import { quoteContext } from '../anchor';
import type { AnnotationType, Entity, EntityType, Span } from '../types';
import { ENTITY_TYPES } from '../types';
import type { Orphan, Sidecar, SidecarAnnotation } from './types';

export const isEntityType = (t: AnnotationType): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t);

const numberOf = (id: string, prefix: string) => (id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) ? Number(id.slice(prefix.length)) : 0);

/** The next free id `<prefix>N` above every id in use. */
export function nextId(used: Iterable<string>, prefix: string): string {
  let max = 0;
  for (const id of used) max = Math.max(max, numberOf(id, prefix));
  return `${prefix}${max + 1}`;
}

/** The id the next manual annotation gets (`m1`, `m2`, ...). */
export function nextManualId(s: Pick<Sidecar, 'annotations' | 'orphans'>): string {
  return nextId(
    [...s.annotations, ...s.orphans].map(a => a.id),
    'm',
  );
}

/** A stored annotation for [start, end) of `text`, with fresh text and context. */
export function makeAnnotation(text: string, span: Span, fields: Omit<SidecarAnnotation, 'start' | 'end' | 'text' | 'prefix' | 'suffix'>): SidecarAnnotation {
  const out: SidecarAnnotation = {
    id: fields.id,
    type: fields.type,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    source: fields.source,
    ...quoteContext(text, span),
  };
  if (fields.entity !== undefined && isEntityType(fields.type)) out.entity = fields.entity;
  if (fields.type === 'date') {
    out.value = fields.value ?? null;
    // a precision describes a value: none without one
    if (out.value !== null && fields.precision !== undefined) out.precision = fields.precision;
    if (fields.valueFixed === true) out.valueFixed = true;
  }
  if (fields.note !== undefined && fields.note !== '') out.note = fields.note;
  if (fields.reviewed === true) out.reviewed = true;
  return out;
}

import { spacedName } from '../spacedName';

export { spacedName };

/**
 * Keeps `entities` consistent with the annotations: drops entities nothing refers to, and sets each one's aliases to
 * its name plus every surface form of its mentions (orphans included, so their entity survives with them).
 */
export function tidyEntities(entities: readonly Entity[], annotations: readonly SidecarAnnotation[], orphans: readonly Orphan[]): Entity[] {
  const forms = new Map<string, Set<string>>();
  collectAliasForms(forms, annotations, 0, annotations.length);
  collectAliasForms(forms, orphans, 0, orphans.length);
  return tidiedEntities(entities, forms);
}

/** tidyEntities' pass over the mentions, for annotations[from, to) (reconcile runs it a slice at a time): entity id -> surface forms. */
export function collectAliasForms(forms: Map<string, Set<string>>, annotations: readonly SidecarAnnotation[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const a = annotations[i];
    if (a.entity === undefined) continue;
    let set = forms.get(a.entity);
    if (!set) forms.set(a.entity, (set = new Set()));
    set.add(spacedName(a.text));
  }
}

/** tidyEntities' result from the surface forms collected for each entity id. */
export function tidiedEntities(entities: readonly Entity[], forms: ReadonlyMap<string, ReadonlySet<string>>): Entity[] {
  return entities
    .filter(e => forms.has(e.id))
    .map(e => {
      const out: Entity = { id: e.id, type: e.type, name: e.name, aliases: [...new Set([spacedName(e.name), ...forms.get(e.id)!])].sort() };
      // what the user or the corpus attached to the entity lives as long as its id does
      if (e.externalId !== undefined) out.externalId = e.externalId;
      if (e.note !== undefined) out.note = e.note;
      return out;
    });
}

/** An entity of `type` the surface form `text` already belongs to (by name or alias), if any. */
export function findEntityFor(entities: readonly Entity[], type: EntityType, text: string): Entity | undefined {
  const name = spacedName(text);
  return (
    entities.find(e => e.type === type && spacedName(e.name) === name) ??
    entities.find(e => e.type === type && e.aliases.some(x => x === name || spacedName(x) === name))
  );
}
