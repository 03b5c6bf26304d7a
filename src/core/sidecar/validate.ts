// Parses and validates a sidecar against media/sidecar.schema.json (hand-written: the rules are few and a schema
// library would be the biggest thing in the bundle), plus the cross-field rules a JSON Schema cannot express.
// Keep in step with the schema file; test/unit/core/sidecar/validate.test.ts checks both agree on the fixtures.
import { CONTEXT_LENGTH } from '../anchor';
import { isIsoDay } from '../dates/calendar';
import { arrayOf, isObj, nullable, object, offset, oneOf, str, type Check } from '../jsonChecks';
import { ANNOTATION_TYPES, DATE_PRECISIONS, ENTITY_TYPES } from '../types';
import { migrateV1, migrateV2 } from './migrate';
import { isValidSidecar } from './quickCheck';
import { SIDECAR_VERSION, SidecarError, type Sidecar } from './types';

const ISO_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** A day written YYYY-MM-DD that exists (the pattern is the schema's; the calendar check is the product's own). */
const isoDay: Check = (v, path, errors) => {
  const before = errors.length;
  str({ pattern: ISO_DAY })(v, path, errors);
  if (errors.length === before && !isIsoDay(v as string)) errors.push(`${path}: ${JSON.stringify(v)} is not a real day`);
};

const annotationRequired = {
  id: str({ min: 1 }),
  type: oneOf(ANNOTATION_TYPES),
  start: offset,
  end: offset,
  text: str(),
  source: oneOf(['auto', 'manual']),
  prefix: str({ max: CONTEXT_LENGTH }),
  suffix: str({ max: CONTEXT_LENGTH }),
};

const onlyTrue: Check = (v, path, errors) => {
  if (v !== true) errors.push(`${path}: must be true when present`);
};

type Version = 1 | 2 | typeof SIDECAR_VERSION;

/**
 * The shape of format `version`: 3 (current) added `reviewed` and `valueFixed` on annotations and orphans and
 * `externalId` and `note` on entities; 2 added `precision`; 1 and 2 are read to migrate them.
 */
function schemaFor(version: Version): Check {
  const annotationOptional = {
    entity: str({ min: 1 }),
    value: nullable(str()),
    note: str(),
    ...(version >= 2 ? { precision: oneOf(DATE_PRECISIONS) } : {}),
    ...(version >= 3 ? { reviewed: onlyTrue, valueFixed: onlyTrue } : {}),
  };
  const entityOptional: Record<string, Check> = version >= 3 ? { externalId: str({ min: 1 }), note: str() } : {};
  return object(
    {
      version: (v, path, errors) => {
        if (v !== version) errors.push(`${path}: must be ${version}`);
      },
      generator: str(),
      document: object({
        file: str({ min: 1 }),
        sha256: str({ pattern: HEX64 }),
        length: offset,
        referenceDate: nullable(isoDay),
        referenceDateSource: oneOf(['user', 'detected', null]),
      }),
      entities: arrayOf(object({ id: str({ min: 1 }), type: oneOf(ENTITY_TYPES), name: str({ min: 1 }), aliases: arrayOf(str()) }, entityOptional)),
      annotations: arrayOf(object(annotationRequired, annotationOptional)),
      rejections: arrayOf(
        object({
          type: oneOf(ANNOTATION_TYPES),
          start: offset,
          end: offset,
          text: str(),
          prefix: str({ max: CONTEXT_LENGTH }),
          suffix: str({ max: CONTEXT_LENGTH }),
        }),
      ),
      orphans: arrayOf(object({ ...annotationRequired, orphanedAt: str({ min: 1 }) }, annotationOptional)),
    },
    { $schema: str() },
  );
}

const CURRENT = schemaFor(SIDECAR_VERSION);
const VERSION_1 = schemaFor(1);
const VERSION_2 = schemaFor(2);

/** Rules across fields; only run once the shape is right. */
function crossChecks(s: Sidecar, errors: string[]): void {
  const entityTypes = new Map<string, string>();
  s.entities.forEach((e, i) => {
    if (entityTypes.has(e.id)) errors.push(`entities[${i}].id: duplicate id "${e.id}"`);
    entityTypes.set(e.id, e.type);
  });
  const ids = new Set<string>();
  const spans = (
    list: { id?: string; type: string; start: number; end: number; entity?: string; value?: string | null; precision?: string; valueFixed?: boolean }[],
    name: string,
    inDocument: boolean,
  ) =>
    list.forEach((a, i) => {
      const path = `${name}[${i}]`;
      if (a.end < a.start) errors.push(`${path}.end: must be >= start`);
      if (inDocument && a.end > s.document.length) errors.push(`${path}.end: must be <= document.length (${s.document.length})`);
      if (a.id !== undefined) {
        if (ids.has(a.id)) errors.push(`${path}.id: duplicate id "${a.id}"`);
        ids.add(a.id);
      }
      if (a.valueFixed !== undefined && a.type !== 'date') errors.push(`${path}.valueFixed: only a date has a value`);
      if (a.precision !== undefined && (a.type !== 'date' || typeof a.value !== 'string')) {
        errors.push(`${path}.precision: only a date with a value has a precision`);
      }
      if (a.entity !== undefined) {
        const t = entityTypes.get(a.entity);
        if (a.type === 'date') errors.push(`${path}.entity: a date has no entity`);
        else if (t === undefined) errors.push(`${path}.entity: no entity with id "${a.entity}"`);
        else if (t !== a.type) errors.push(`${path}.entity: entity "${a.entity}" is a ${t}, the annotation a ${a.type}`);
      }
    });
  spans(s.annotations, 'annotations', true);
  spans(s.rejections, 'rejections', true);
  // orphans describe text that is no longer there: their offsets are historical, so no bound check
  spans(s.orphans, 'orphans', false);
}

function validateAs(schema: Check, value: unknown): string[] {
  const errors: string[] = [];
  schema(value, '$', errors);
  if (errors.length === 0) crossChecks(value as Sidecar, errors);
  return errors.map(e => (e.startsWith('$:') ? `(root)${e.slice(1)}` : e.replace(/^\$\./, '')));
}

/** Every problem with `value` as a sidecar of the current format (empty when valid), each as `path: reason`. */
export function validateSidecar(value: unknown): string[] {
  return validateAs(CURRENT, value);
}

/** Whether `value` claims a format version newer than this build understands. */
function futureVersionOf(value: unknown): number | undefined {
  if (isObj(value) && typeof value.version === 'number' && value.version > SIDECAR_VERSION) return value.version;
  return undefined;
}

const MAX_REPORTED = 5;

/**
 * Parses sidecar text into the current format (a version 1 file is migrated); throws a SidecarError (invalid-json,
 * future-version or invalid-schema) naming `file`.
 */
export function parseSidecar(text: string, file: string): Sidecar {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new SidecarError('invalid-json', file, `not valid JSON: ${(e as Error).message}`);
  }
  // the common case, a valid file of the current format, told without building any error text (./quickCheck.ts)
  if (isValidSidecar(value)) return value;
  const future = futureVersionOf(value);
  if (future !== undefined) {
    throw new SidecarError(
      'future-version',
      file,
      `written by a newer News Annotator (format version ${future}; this one reads version ${SIDECAR_VERSION}): update the extension`,
    );
  }
  let errors: string[] = [];
  // an older format: checked as what it is, then brought up to date one step at a time (nothing is lost: see migrate.ts)
  if (isObj(value) && value.version === 1) {
    errors = validateAs(VERSION_1, value);
    if (errors.length === 0) value = migrateV1(value);
  }
  if (errors.length === 0 && isObj(value) && value.version === 2) {
    errors = validateAs(VERSION_2, value);
    if (errors.length === 0) value = migrateV2(value);
  }
  if (errors.length === 0) errors = validateSidecar(value);
  if (errors.length > 0) {
    const more = errors.length > MAX_REPORTED ? ` (and ${errors.length - MAX_REPORTED} more)` : '';
    throw new SidecarError('invalid-schema', file, `not a valid sidecar: ${errors.slice(0, MAX_REPORTED).join('; ')}${more}`);
  }
  return value as Sidecar;
}
