// serializeSidecar's layout (2-space JSON.stringify of the canonical sidecar), as sticky regular expressions: one for
// the head of the file and one per kind of list item, each matching exactly what that layout holds for a valid
// sidecar of the current version, field by field in canonical key order. The regular expression engine checks every
// character natively, which is what makes the lean reader (./leanSidecar.ts) faster than JSON.parse.
//
// Every string is matched as JSON.parse reads one (no raw control character, only JSON's escapes), so nothing
// JSON.parse refuses ever matches. Without the `u` flag a regular expression counts UTF-16 code units, and each JSON
// escape stands for exactly one, so `{0,32}` bounds a string's decoded length exactly as CONTEXT_LENGTH bounds it.
import { CONTEXT_LENGTH } from '../anchor';
import { SIDECAR_VERSION } from '../sidecar/types';
import { ANNOTATION_TYPES, DATE_PRECISIONS, ENTITY_TYPES } from '../types';

/** A character of a JSON string's content that stands for itself: not `"`, `\\`, nor a control character. */
const PLAIN = String.raw`[^"\\\x00-\x1f]`;
/** A JSON escape: one code unit. */
const ESCAPE = String.raw`\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})`;
/** One code unit of a string's content. */
const UNIT = `(?:${PLAIN}|${ESCAPE})`;
/** A string's content, any length (plain runs between escapes: a simple character loop is the engine's fastest). */
const STR = `${PLAIN}*(?:${ESCAPE}${PLAIN}*)*`;
/** A string's content, not empty. */
const NONEMPTY = `(?=[^"])${STR}`;
/** A quoted prefix or suffix: at most CONTEXT_LENGTH code units. */
const CONTEXT = `"${UNIT}{0,${CONTEXT_LENGTH}}"`;
/** A non-negative integer as JSON.stringify writes one; at most 15 digits, so Number() of it is exact. */
const INT = String.raw`(0|[1-9]\d{0,14})`;
const words = (list: readonly string[]) => list.join('|');

/** A field of a list item: on its own line at 6 spaces, after a comma. */
const FIELD = ',\\n      ';
const field = (key: string, value: string) => `${FIELD}"${key}": ${value}`;
/** A list item: on its own line at 4 spaces. */
const item = (fields: string) => String.raw`\n    \{\n      ${fields.slice(FIELD.length)}\n    \}`;

/**
 * The head of the file, up to the entities' list. Groups: 1 sha256, 2 length, 3 referenceDate (`null` or quoted).
 * `generator`, `$schema` and `file` are checked, not kept.
 */
export const HEAD = new RegExp(
  String.raw`\{\n  (?:"\$schema": "${STR}",\n  )?"version": ${SIDECAR_VERSION},\n  "generator": "${STR}",\n  "document": \{\n    "file": "${NONEMPTY}",` +
    String.raw`\n    "sha256": "([0-9a-f]{64})",\n    "length": ${INT},\n    "referenceDate": (null|"\d{4}-\d{2}-\d{2}"),` +
    String.raw`\n    "referenceDateSource": (?:null|"user"|"detected")\n  \},\n  "entities": `,
  'y',
);

/** An entity. Groups: 1 id, 2 type, 3 name, 4 aliases (the JSON list as written), 5 externalId, 6 note. */
export const ENTITY = new RegExp(
  item(
    field('id', `"(${NONEMPTY})"`) +
      field('type', `"(${words(ENTITY_TYPES)})"`) +
      field('name', `"(${NONEMPTY})"`) +
      field('aliases', String.raw`(\[\]|\[\n        "${STR}"(?:,\n        "${STR}")*\n      \])`) +
      `(?:${field('externalId', `"(${NONEMPTY})"`)})?` +
      `(?:${field('note', `"(${STR})"`)})?`,
  ),
  'y',
);

/**
 * An annotation's fields from `id` to `valueFixed`. Groups: 1 id, 2 type, 3 start, 4 end, 5 text, 6 source, 7 entity,
 * 8 value (`null` or quoted), 9 precision, 10 note, 11 reviewed (the whole field), 12 valueFixed (the whole field).
 */
const ANNOTATION_FIELDS =
  field('id', `"(${NONEMPTY})"`) +
  field('type', `"(${words(ANNOTATION_TYPES)})"`) +
  field('start', INT) +
  field('end', INT) +
  field('text', `"(${STR})"`) +
  field('source', '"(auto|manual)"') +
  `(?:${field('entity', `"(${NONEMPTY})"`)})?` +
  `(?:${field('value', `(null|"${STR}")`)})?` +
  `(?:${field('precision', `"(${words(DATE_PRECISIONS)})"`)})?` +
  `(?:${field('note', `"(${STR})"`)})?` +
  `(${field('reviewed', 'true')})?` +
  `(${field('valueFixed', 'true')})?` +
  field('prefix', CONTEXT) +
  field('suffix', CONTEXT);

/** An annotation; groups as ANNOTATION_FIELDS. */
export const ANNOTATION = new RegExp(item(ANNOTATION_FIELDS), 'y');

/** An orphan: an annotation and when it was orphaned; groups as ANNOTATION_FIELDS. */
export const ORPHAN = new RegExp(item(ANNOTATION_FIELDS + field('orphanedAt', `"${NONEMPTY}"`)), 'y');

/** A rejection. Groups: 1 start, 2 end. */
export const REJECTION = new RegExp(
  item(
    field('type', `"(?:${words(ANNOTATION_TYPES)})"`) +
      field('start', INT) +
      field('end', INT) +
      field('text', `"${STR}"`) +
      field('prefix', CONTEXT) +
      field('suffix', CONTEXT),
  ),
  'y',
);
