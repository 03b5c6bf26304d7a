// A yes/no check that a parsed value is a valid sidecar of the current format: the same rules as validate.ts (shape
// and cross-field rules), written as straight loops that build no error text, no paths and no closures. Indexing a
// corpus parses thousands of sidecars; this keeps the check a small part of it. Only a yes is trusted: on a no,
// parseSidecar runs the full validator, which words the reasons (and has the last word should the two ever differ).
// test/unit/core/sidecar/quickCheck.test.ts checks at random that both agree.
import { CONTEXT_LENGTH } from '../anchor';
import { isIsoDay } from '../dates/calendar';
import { SIDECAR_VERSION, type Sidecar } from './types';

type Obj = Record<string, unknown>;

const ISO_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const HEX64 = /^[0-9a-f]{64}$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isEntityType = (v: unknown) => v === 'person' || v === 'place' || v === 'organization';
const isAnnotationType = (v: unknown) => v === 'person' || v === 'place' || v === 'organization' || v === 'date';
const isPrecision = (v: unknown) =>
  v === 'day' ||
  v === 'week' ||
  v === 'month' ||
  v === 'quarter' ||
  v === 'season' ||
  v === 'year' ||
  v === 'decade' ||
  v === 'century' ||
  v === 'time' ||
  v === 'reference';
const isContext = (v: unknown) => typeof v === 'string' && v.length <= CONTEXT_LENGTH;

/**
 * The number of keys an object has: read fields are checked by value (JSON.parse makes only own properties, and
 * none of the format's field names is one every object inherits), so a count equal to the fields found means no
 * field the format does not list ("__proto__", "constructor" and "toString" included: they would be own keys).
 */
const keyCount = (v: Obj): number => Object.keys(v).length;

/** Whether `value` is a valid sidecar of the current format (exactly when validateSidecar finds nothing). */
export function isValidSidecar(value: unknown): value is Sidecar {
  if (!isObj(value) || value.version !== SIDECAR_VERSION || typeof value.generator !== 'string') return false;
  let keys = 7;
  if (value.$schema !== undefined) {
    if (typeof value.$schema !== 'string') return false;
    keys++;
  }
  if (keyCount(value) !== keys) return false;
  const { document: doc, entities, annotations, rejections, orphans } = value;
  if (!isObj(doc) || !Array.isArray(entities) || !Array.isArray(annotations) || !Array.isArray(rejections) || !Array.isArray(orphans)) return false;
  if (!isDocument(doc)) return false;
  const length = doc.length as number;
  const entityTypes = new Map<string, string>();
  for (const e of entities) {
    if (!isEntity(e) || entityTypes.has(e.id as string)) return false;
    entityTypes.set(e.id as string, e.type as string);
  }
  const ids = new Set<string>();
  for (const a of annotations) if (!isAnnotation(a, 8, length, entityTypes, ids)) return false;
  for (const r of rejections) if (!isRejection(r, length)) return false;
  for (const o of orphans) if (!isAnnotation(o, 9, -1, entityTypes, ids) || typeof o.orphanedAt !== 'string' || o.orphanedAt.length === 0) return false;
  return true;
}

function isDocument(d: Obj): boolean {
  const ref = d.referenceDate;
  const source = d.referenceDateSource;
  return (
    keyCount(d) === 5 &&
    typeof d.file === 'string' &&
    d.file.length > 0 &&
    typeof d.sha256 === 'string' &&
    HEX64.test(d.sha256) &&
    isOffset(d.length) &&
    (ref === null || (typeof ref === 'string' && ISO_DAY.test(ref) && isIsoDay(ref))) &&
    (source === null || source === 'user' || source === 'detected')
  );
}

function isEntity(e: unknown): e is Obj {
  if (!isObj(e)) return false;
  if (typeof e.id !== 'string' || e.id.length === 0 || !isEntityType(e.type) || typeof e.name !== 'string' || e.name.length === 0) return false;
  const aliases = e.aliases;
  if (!Array.isArray(aliases)) return false;
  for (const a of aliases) if (typeof a !== 'string') return false;
  let keys = 4;
  if (e.externalId !== undefined) {
    if (typeof e.externalId !== 'string' || e.externalId.length === 0) return false;
    keys++;
  }
  if (e.note !== undefined) {
    if (typeof e.note !== 'string') return false;
    keys++;
  }
  return keyCount(e) === keys;
}

/**
 * An annotation (8 required fields) or an orphan (9: `orphanedAt`, checked by the caller), with the cross-field
 * rules: end not before start nor past the text (`length`; -1 for orphans, whose offsets are historical), ids unique
 * across both lists, a date's own fields only on dates, an entity that exists and has the annotation's type.
 */
function isAnnotation(a: unknown, required: number, length: number, entityTypes: ReadonlyMap<string, string>, ids: Set<string>): a is Obj {
  if (!isObj(a)) return false;
  const { id, type, start, end } = a;
  if (typeof id !== 'string' || id.length === 0 || !isAnnotationType(type) || !isOffset(start) || !isOffset(end)) return false;
  if (typeof a.text !== 'string' || (a.source !== 'auto' && a.source !== 'manual') || !isContext(a.prefix) || !isContext(a.suffix)) return false;
  if (end < start || (length >= 0 && end > length) || ids.has(id)) return false;
  ids.add(id);
  let keys = required;
  if (a.entity !== undefined) {
    const entity = a.entity;
    if (typeof entity !== 'string' || entity.length === 0 || type === 'date' || entityTypes.get(entity) !== type) return false;
    keys++;
  }
  if (a.value !== undefined) {
    if (a.value !== null && typeof a.value !== 'string') return false;
    keys++;
  }
  if (a.note !== undefined) {
    if (typeof a.note !== 'string') return false;
    keys++;
  }
  if (a.precision !== undefined) {
    if (!isPrecision(a.precision) || type !== 'date' || typeof a.value !== 'string') return false;
    keys++;
  }
  if (a.reviewed !== undefined) {
    if (a.reviewed !== true) return false;
    keys++;
  }
  if (a.valueFixed !== undefined) {
    if (a.valueFixed !== true || type !== 'date') return false;
    keys++;
  }
  return keyCount(a) === keys;
}

function isRejection(r: unknown, length: number): boolean {
  if (!isObj(r)) return false;
  const { start, end } = r;
  return (
    keyCount(r) === 6 &&
    isAnnotationType(r.type) &&
    isOffset(start) &&
    isOffset(end) &&
    end >= start &&
    end <= length &&
    typeof r.text === 'string' &&
    isContext(r.prefix) &&
    isContext(r.suffix)
  );
}
