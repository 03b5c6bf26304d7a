// Reads the decisions file: JSON, then the shape of media/entities.schema.json (hand-written, with the sidecar's
// combinators), then the rules a schema does not say well (an external id is an absolute URI, one correction per
// name). Errors are `path: reason`, so a hand-edited file can be fixed from the message alone.
import { arrayOf, isObj, object, oneOf, str, type Check } from '../../jsonChecks';
import { ANNOTATION_TYPES, ENTITY_TYPES } from '../../types';
import { displayName } from '../names';
import { DECISIONS_PATH, DECISIONS_VERSION, type CorpusDecisions } from '../types';

/** Why the decisions file could not be used; `message` names the file and the problems found. */
export class DecisionsError extends Error {
  constructor(
    readonly file: string,
    /** `entities[2].externalId: must be an absolute URI (scheme:...)`, ... */
    readonly reasons: string[],
  ) {
    const shown = reasons.slice(0, MAX_REPORTED).join('; ');
    super(`${file}: ${shown}${reasons.length > MAX_REPORTED ? ` (and ${reasons.length - MAX_REPORTED} more)` : ''}`);
    this.name = 'DecisionsError';
  }
}

const MAX_REPORTED = 5;

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" and a non-empty rest without spaces,
// controls or characters a URI never holds unescaped
// eslint-disable-next-line no-control-regex -- control characters are exactly what an identifier must not hold
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001f\u007f]+$/;

/** An absolute URI (RFC 3986): a scheme, a colon, then something without spaces ("https://...", "urn:...", "Q7747" is not). */
export function isAbsoluteUri(value: string): boolean {
  return ABSOLUTE_URI.test(value);
}

const name = str({ min: 1 });
const nonBlank: Check = (v, path, errors) => {
  const before = errors.length;
  name(v, path, errors);
  if (errors.length === before && !(v as string).trim()) errors.push(`${path}: must not be blank`);
};
const entityRef = object({ type: oneOf(ENTITY_TYPES), name: nonBlank });
const uri: Check = (v, path, errors) => {
  const before = errors.length;
  str({ min: 1 })(v, path, errors);
  if (errors.length === before && !isAbsoluteUri(v as string))
    errors.push(`${path}: must be an absolute URI (scheme:..., e.g. https://www.wikidata.org/wiki/Q7747)`);
};
const kind = (k: string): Check => oneOf([k]);

const ENTITY_DECISIONS: Record<string, Check> = {
  rename: object({ kind: kind('rename'), entity: entityRef, name: nonBlank }),
  merge: object({ kind: kind('merge'), entity: entityRef, with: arrayOf(entityRef, { min: 1 }) }),
  split: object(
    { kind: kind('split'), entity: entityRef, name: nonBlank },
    { aliases: arrayOf(nonBlank, { min: 1 }), articles: arrayOf(nonBlank, { min: 1 }) },
  ),
  externalId: object({ kind: kind('externalId'), entity: entityRef, externalId: uri }),
  note: object({ kind: kind('note'), entity: entityRef, note: str() }),
};
const entityDecision: Check = (v, path, errors) => {
  if (!isObj(v)) return void errors.push(`${path}: must be an object`);
  const check = typeof v.kind === 'string' && Object.hasOwn(ENTITY_DECISIONS, v.kind) ? ENTITY_DECISIONS[v.kind] : undefined;
  if (!check)
    return void errors.push(
      `${path}.kind: must be one of ${Object.keys(ENTITY_DECISIONS)
        .map(k => JSON.stringify(k))
        .join(', ')}`,
    );
  check(v, path, errors);
  if (v.kind === 'split' && errors.length === 0 && !Object.hasOwn(v, 'aliases') && !Object.hasOwn(v, 'articles')) {
    errors.push(`${path}: a split needs "aliases", "articles" or both`);
  }
};
const CORRECTIONS: Record<string, Check> = {
  retype: object({ name: nonBlank, action: kind('retype'), type: oneOf(ANNOTATION_TYPES) }),
  accept: object({ name: nonBlank, action: kind('accept'), type: oneOf(ANNOTATION_TYPES) }),
  reject: object({ name: nonBlank, action: kind('reject') }),
};
const correction: Check = (v, path, errors) => {
  if (!isObj(v)) return void errors.push(`${path}: must be an object`);
  const check = typeof v.action === 'string' && Object.hasOwn(CORRECTIONS, v.action) ? CORRECTIONS[v.action] : undefined;
  if (!check)
    return void errors.push(
      `${path}.action: must be one of ${Object.keys(CORRECTIONS)
        .map(k => JSON.stringify(k))
        .join(', ')}`,
    );
  check(v, path, errors);
};

const SCHEMA = object(
  {
    version: (v, path, errors) => {
      if (v !== DECISIONS_VERSION) errors.push(`${path}: must be ${DECISIONS_VERSION}`);
    },
    entities: arrayOf(entityDecision),
    corrections: arrayOf(correction),
  },
  { $schema: str() },
);

/** The problems of a parsed value as a decisions file, `path: reason` each; empty when it is valid. */
export function validateDecisions(value: unknown): string[] {
  const errors: string[] = [];
  SCHEMA(value, '$', errors);
  if (errors.length === 0) {
    const seen = new Map<string, number>();
    (value as CorpusDecisions).corrections.forEach((c, i) => {
      const key = displayName(c.name);
      const earlier = seen.get(key);
      if (earlier !== undefined) errors.push(`corrections[${i}].name: "${key}" is already corrected by corrections[${earlier}]`);
      else seen.set(key, i);
    });
  }
  return errors.map(e => (e.startsWith('$:') ? `(root)${e.slice(1)}` : e.replace(/^\$\./, '')));
}

/** Parses the decisions file's text; throws DecisionsError naming `file` when it is not JSON or not valid. */
export function parseDecisions(text: string, file: string = DECISIONS_PATH): CorpusDecisions {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new DecisionsError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  if (isObj(value) && typeof value.version === 'number' && value.version > DECISIONS_VERSION) {
    throw new DecisionsError(file, [
      `written by a newer News Annotator (format version ${value.version}; this one reads version ${DECISIONS_VERSION}): update it`,
    ]);
  }
  const errors = validateDecisions(value);
  if (errors.length > 0) throw new DecisionsError(file, errors);
  return value as CorpusDecisions;
}
