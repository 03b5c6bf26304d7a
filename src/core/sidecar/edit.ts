// The user's corrections, as pure functions: each takes a sidecar that matches `text` (reconcile it first after the
// text changes) and returns a new sidecar, never touching the one given, so an editor keeps earlier values for undo.
// What the user does is recorded as manual annotations (kept across re-analysis) and rejections (auto annotations
// they removed, which re-analysis must not bring back).
import { snapToGraphemes } from '../graphemes';
import type { AnnotationType, DatePrecision, Entity, EntityType, Span } from '../types';
import { ANNOTATION_TYPES } from '../types';
import { isIsoDay } from '../dates/calendar';
import { timexPrecision, timexProblem } from '../dates/timex';
import { overlaps } from '../spans';
import { findEntityFor, isEntityType, makeAnnotation, nextId, nextManualId, tidyEntities } from './model';
import type { Rejection, Sidecar, SidecarAnnotation } from './types';

// Re-exported: the CLI and the editor check a typed reference date with it before calling setReferenceDate.
export { isIsoDay };

/** An edit that cannot be done as asked; the message can be shown to the user. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

export interface EntityChoice {
  /** Attach the mention to this existing entity (it must have the annotation's type). */
  entity?: string;
  /** Create a new entity with this canonical name. */
  newEntityName?: string;
}

export interface AddOptions extends EntityChoice {
  /**
   * For dates: a value (TIMEX3) the user chose; it is fixed (`valueFixed`), so re-analysis keeps it. Absent or null:
   * the date's value is resolved from its text on every analysis (reconcile), and moves with the reference date.
   */
  value?: string | null;
  /** For dates with a value: its granularity; absent: the value's own (timexPrecision). */
  precision?: DatePrecision | null;
  note?: string;
  /**
   * retypeAnnotation only. 'article' (default): a retyped automatic mention corrects the name everywhere in the
   * article, present and future (./corrections.ts). 'mention': this mention only (no rejection of the old type is
   * recorded, so removing the manual annotation later brings the automatic one back).
   */
  scope?: 'article' | 'mention';
}

/** The value a caller gave, checked: a TIMEX3 value and its precision, or undefined when none (resolve it instead). */
function givenValue(options: AddOptions): { value: string; precision: DatePrecision } | undefined {
  if (options.value === undefined || options.value === null) return undefined;
  const problem = timexProblem(options.value);
  if (problem) throw new EditError(problem);
  return { value: options.value, precision: options.precision ?? timexPrecision(options.value)! };
}

function checkText(s: Sidecar, text: string): void {
  if (text.length !== s.document.length) {
    throw new EditError(`The sidecar describes a ${s.document.length}-character text but the article has ${text.length}: re-annotate first.`);
  }
}

function checkType(type: AnnotationType): void {
  if (!ANNOTATION_TYPES.includes(type)) throw new EditError(`Unknown annotation type "${type}" (expected ${ANNOTATION_TYPES.join(', ')}).`);
}

/** The span without surrounding white space, widened to whole characters. */
function cleanSpan(text: string, span: Span): Span {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.end < span.start) {
    throw new EditError(`The range ${span.start}-${span.end} is not inside the article (0-${text.length}).`);
  }
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end === start) throw new EditError('The selection is empty or only white space: select the words to annotate.');
  return snapToGraphemes(text, { start, end });
}

const rejectionOf = (a: SidecarAnnotation): Rejection => ({ type: a.type, start: a.start, end: a.end, text: a.text, prefix: a.prefix, suffix: a.suffix });

const sameSpan = (a: Span & { type: string }, b: Span & { type: string }) => a.start === b.start && a.end === b.end && a.type === b.type;

function find(s: Sidecar, id: string): SidecarAnnotation {
  const a = s.annotations.find(x => x.id === id);
  if (!a) throw new EditError(`No annotation with id "${id}".`);
  return a;
}

/** Resolves which entity a mention of `type` with surface `surface` belongs to, creating one when needed. */
function chooseEntity(entities: Entity[], type: EntityType, surface: string, choice: EntityChoice): { entities: Entity[]; id: string } {
  if (choice.entity !== undefined) {
    const e = entities.find(x => x.id === choice.entity);
    if (!e) throw new EditError(`No entity with id "${choice.entity}".`);
    if (e.type !== type) throw new EditError(`Entity "${e.name}" is a ${e.type}; the annotation is a ${type}.`);
    return { entities, id: e.id };
  }
  const name = choice.newEntityName?.trim();
  const existing = name ? undefined : findEntityFor(entities, type, surface);
  if (existing) return { entities, id: existing.id };
  const id = nextId(
    entities.map(e => e.id),
    'e',
  );
  const finalName = name || surface;
  return { entities: [...entities, { id, type, name: finalName, aliases: [finalName] }], id };
}

function finish(
  s: Sidecar,
  annotations: SidecarAnnotation[],
  entities: Entity[] = s.entities,
  rejections: Rejection[] = s.rejections,
  orphans = s.orphans,
): Sidecar {
  return { ...s, entities: tidyEntities(entities, annotations, orphans), annotations, rejections, orphans };
}

/**
 * Adds a manual annotation on `span` (trimmed of white space). Annotations it overlaps are replaced: the user's
 * latest decision wins. A rejection of the same span and type is lifted.
 */
export function addAnnotation(s: Sidecar, text: string, span: Span, type: AnnotationType, options: AddOptions = {}): Sidecar {
  checkText(s, text);
  checkType(type);
  const at = cleanSpan(text, span);
  const surface = text.slice(at.start, at.end);
  let entities = s.entities;
  let entity: string | undefined;
  if (isEntityType(type)) ({ entities, id: entity } = chooseEntity(entities, type, surface, options));
  const given = type === 'date' ? givenValue(options) : undefined;
  const added = makeAnnotation(text, at, {
    id: nextManualId(s),
    type,
    source: 'manual',
    entity,
    value: given?.value ?? null,
    precision: given?.precision,
    valueFixed: given !== undefined || undefined,
    note: options.note,
  });
  const annotations = [...s.annotations.filter(a => !overlaps(a, at)), added];
  const rejections = s.rejections.filter(r => !sameSpan(r, added));
  return finish(s, annotations, entities, rejections);
}

/** The manual annotation created by the latest addAnnotation / retype / setNote (the highest `m` id). */
export function lastManualId(s: Sidecar): string | undefined {
  const ids = s.annotations.filter(a => /^m\d+$/.test(a.id)).map(a => Number(a.id.slice(1)));
  return ids.length ? `m${Math.max(...ids)}` : undefined;
}

/**
 * Changes an annotation's type. An auto annotation becomes a manual one (new id) and the auto one is recorded as
 * rejected, so a re-analysis does not bring the old type back even if the manual one is removed later; that pair
 * also makes the new type apply to every mention of the name in the article (./corrections.ts), unless
 * `options.scope` is 'mention' (then no rejection is recorded).
 */
export function retypeAnnotation(s: Sidecar, text: string, id: string, type: AnnotationType, options: AddOptions = {}): Sidecar {
  checkText(s, text);
  checkType(type);
  const a = find(s, id);
  let entities = s.entities;
  let entity: string | undefined;
  if (isEntityType(type)) ({ entities, id: entity } = chooseEntity(entities, type, a.text, options));
  // a date keeps its value, precision and fixedness unless a new value is given (then fixed)
  const given = type === 'date' ? givenValue(options) : undefined;
  const wasDate = a.type === 'date';
  const value = type === 'date' ? (given ? given.value : wasDate ? a.value : null) : undefined;
  const precision = type === 'date' ? (given ? given.precision : wasDate ? a.precision : undefined) : undefined;
  const auto = a.source === 'auto';
  const changed = makeAnnotation(text, a, {
    id: auto ? nextManualId(s) : a.id,
    type,
    source: 'manual',
    entity,
    value,
    precision,
    valueFixed: given !== undefined || (wasDate && type === 'date' && a.valueFixed) || undefined,
    note: options.note ?? a.note,
  });
  const annotations = s.annotations.map(x => (x.id === id ? changed : x));
  const record = auto && options.scope !== 'mention' && !s.rejections.some(r => sameSpan(r, a));
  const rejections = record ? [...s.rejections, rejectionOf(a)] : s.rejections;
  return finish(s, annotations, entities, rejections);
}

/** Removes an annotation: an auto one is recorded as rejected (it stays away after re-analysis); a manual one is deleted. */
export function removeAnnotation(s: Sidecar, text: string, id: string): Sidecar {
  checkText(s, text);
  const a = find(s, id);
  const annotations = s.annotations.filter(x => x.id !== id);
  const rejections = a.source === 'auto' && !s.rejections.some(r => sameSpan(r, a)) ? [...s.rejections, rejectionOf(a)] : s.rejections;
  return finish(s, annotations, s.entities, rejections);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Start offsets of `surface` in `text` as a whole word (case-sensitive). */
export function occurrencesOf(text: string, surface: string): number[] {
  const out: number[] = [];
  if (!surface) return out;
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    if (isWordChar(surface[0]) && isWordChar(text[i - 1])) continue;
    if (isWordChar(surface[surface.length - 1]) && isWordChar(text[i + surface.length])) continue;
    out.push(i);
  }
  return out;
}

/**
 * Annotates every whole-word occurrence of `surface` as `type`, all mentions of one entity (the one chosen, or the
 * one the surface already belongs to, or a new one). Occurrences already annotated so are left as they are.
 */
export function annotateAllOccurrences(s: Sidecar, text: string, surface: string, type: AnnotationType, options: AddOptions = {}): Sidecar {
  checkText(s, text);
  checkType(type);
  const trimmed = surface.trim();
  const starts = occurrencesOf(text, trimmed);
  if (starts.length === 0) throw new EditError(`"${trimmed}" does not occur in the article.`);
  let out = s;
  let choice: AddOptions = options;
  for (const start of starts) {
    const span = { start, end: start + trimmed.length };
    const existing = out.annotations.find(a => sameSpan(a, { ...span, type }));
    if (existing && (choice.entity === undefined || existing.entity === choice.entity)) {
      if (choice.entity === undefined && existing.entity !== undefined) choice = { ...choice, entity: existing.entity, newEntityName: undefined };
      continue;
    }
    out = addAnnotation(out, text, span, type, choice);
    const added = out.annotations.find(a => sameSpan(a, { ...span, type }));
    // every later occurrence joins the entity the first one got
    if (added?.entity !== undefined) choice = { ...choice, entity: added.entity, newEntityName: undefined };
  }
  return out;
}

/** Removes every annotation whose text is `surface` (of `type` only, when given), by removeAnnotation's rules. */
export function removeAllOccurrences(s: Sidecar, text: string, surface: string, type?: AnnotationType): Sidecar {
  checkText(s, text);
  const trimmed = surface.trim();
  const ids = s.annotations.filter(a => a.text === trimmed && (type === undefined || a.type === type)).map(a => a.id);
  return ids.reduce((acc, id) => removeAnnotation(acc, text, id), s);
}

/** Changes the type of every mention of an entity (entity view: "Change Type"). */
export function retypeEntity(s: Sidecar, text: string, entityId: string, type: AnnotationType): Sidecar {
  const ids = s.annotations.filter(a => a.entity === entityId).map(a => a.id);
  if (ids.length === 0) throw new EditError(`No mentions of entity "${entityId}".`);
  let out = retypeAnnotation(s, text, ids[0], type);
  const first = lastManualId(out);
  const entity = isEntityType(type) ? out.annotations.find(a => a.id === first)?.entity : undefined;
  for (const id of ids.slice(1)) out = retypeAnnotation(out, text, id, type, { entity });
  return out;
}

/** Removes every mention of an entity (entity view: "Remove"). */
export function removeEntity(s: Sidecar, text: string, entityId: string): Sidecar {
  const ids = s.annotations.filter(a => a.entity === entityId).map(a => a.id);
  if (ids.length === 0) throw new EditError(`No mentions of entity "${entityId}".`);
  return ids.reduce((acc, id) => removeAnnotation(acc, text, id), s);
}

/**
 * Sets (or with null clears) the user's reference date. Dates re-resolve when the caller re-runs
 * analyze(text, analyzeOptionsFor(result)) and reconcile.
 */
export function setReferenceDate(s: Sidecar, date: string | null): Sidecar {
  if (date !== null && !isIsoDay(date)) throw new EditError(`"${date}" is not a date written YYYY-MM-DD (e.g. 2015-11-24).`);
  return { ...s, document: { ...s.document, referenceDate: date, referenceDateSource: date === null ? null : 'user' } };
}

/**
 * Sets the note on an annotation (an empty note removes it). An auto annotation the user writes a note on becomes
 * manual (new id), so re-analysis keeps the note.
 */
export function setNote(s: Sidecar, text: string, id: string, note: string): Sidecar {
  checkText(s, text);
  const a = find(s, id);
  const changed = makeAnnotation(text, a, { ...a, id: a.source === 'auto' ? nextManualId(s) : a.id, source: 'manual', note });
  return finish(
    s,
    s.annotations.map(x => (x.id === id ? changed : x)),
  );
}

/**
 * Sets a date's value by hand (Set Date Value): a TIMEX3 value (timexPrecision) is stored with its precision and
 * `valueFixed`, so re-analysis keeps it; null clears that, and the value is resolved from the text again on the next
 * analysis. An auto date becomes manual (new id), as with a note.
 */
export function setDateValue(s: Sidecar, text: string, id: string, value: string | null): Sidecar {
  checkText(s, text);
  const a = find(s, id);
  if (a.type !== 'date') throw new EditError(`"${a.text}" is a ${a.type}, not a date: only a date has a value.`);
  const given = givenValue({ value });
  const changed = makeAnnotation(text, a, {
    ...a,
    id: a.source === 'auto' ? nextManualId(s) : a.id,
    source: 'manual',
    value: given ? given.value : a.value,
    precision: given ? given.precision : a.precision,
    valueFixed: given !== undefined || undefined,
  });
  return finish(
    s,
    s.annotations.map(x => (x.id === id ? changed : x)),
  );
}

/** Places an orphan on `span` (chosen by the user) as a manual annotation again; annotations it overlaps are replaced. */
export function reattachOrphan(s: Sidecar, text: string, orphanId: string, span: Span): Sidecar {
  checkText(s, text);
  const o = s.orphans.find(x => x.id === orphanId);
  if (!o) throw new EditError(`No orphaned annotation with id "${orphanId}".`);
  const at = cleanSpan(text, span);
  const { orphanedAt: _gone, ...fields } = o;
  let entities = s.entities;
  let entity = o.entity;
  const ownEntity = entity !== undefined ? entities.find(e => e.id === entity) : undefined;
  if (isEntityType(o.type) && (!ownEntity || ownEntity.type !== o.type)) {
    ({ entities, id: entity } = chooseEntity(entities, o.type, text.slice(at.start, at.end), {}));
  }
  const placed = makeAnnotation(text, at, { ...fields, source: 'manual', entity });
  const annotations = [...s.annotations.filter(a => !overlaps(a, at)), placed];
  return finish(
    s,
    annotations,
    entities,
    s.rejections,
    s.orphans.filter(x => x.id !== orphanId),
  );
}

/** Deletes an orphan for good (the user's decision). */
export function deleteOrphan(s: Sidecar, orphanId: string): Sidecar {
  if (!s.orphans.some(x => x.id === orphanId)) throw new EditError(`No orphaned annotation with id "${orphanId}".`);
  const orphans = s.orphans.filter(x => x.id !== orphanId);
  return finish(s, s.annotations, s.entities, s.rejections, orphans);
}
