// Older sidecar formats, read and brought up to the current one without losing anything. Each step turns version N
// (already validated as version N) into version N + 1; the result is then validated as the current format.
//
// Version 1 -> 2: dates gained `precision`, the granularity of their value. Version 1 stored only the value, so the
// precision is derived from it here, once; everything else is carried over as it is.
// Version 2 -> 3: only optional fields were added (annotations: `reviewed`, `valueFixed`; entities: `externalId`,
// `note`). Version 3 re-resolves manual dates on every analysis unless `valueFixed`; version 2 kept their value as
// stored, and could not tell a value the resolver gave from one set by hand. A manual date whose stored value is not
// what its text resolves to against the stored reference date was set by hand: it gets `valueFixed`, so it is kept.
// The number changes so that an older build meets a version 3 file as "newer" (and leaves it alone).
import { resolveDateText } from '../dates/resolve';
import type { DatePrecision } from '../types';

type Obj = Record<string, unknown>;

/** The value shapes the date resolver writes, and the precision it gives each (dates/resolve.ts). */
const VALUE_PRECISIONS: [RegExp, DatePrecision][] = [
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'time'],
  // a part of the day ("2015-11-24TMO") is still a day's precision
  [/^\d{4}-\d{2}-\d{2}(?:T(?:MO|AF|EV|NI))?$/, 'day'],
  [/^\d{4}-W\d{2}(?:-WE)?$/, 'week'],
  [/^\d{4}-\d{2}$/, 'month'],
  [/^\d{4}-(?:Q[1-4]|H[12])$/, 'quarter'],
  [/^\d{4}-(?:SP|SU|FA|WI)$/, 'season'],
  [/^\d{4}$/, 'year'],
  [/^\d{3}$/, 'decade'],
  [/^\d{2}$/, 'century'],
  [/^(?:PRESENT|PAST|FUTURE)_REF$/, 'reference'],
];

/** The precision of a date value as the resolver writes it; undefined for a value it never writes (typed by hand). */
export function precisionOfValue(value: string): DatePrecision | undefined {
  return VALUE_PRECISIONS.find(([shape]) => shape.test(value))?.[1];
}

/** A stored annotation or orphan of version 1 as version 2: a date with a value gets that value's precision. */
function annotationV2(a: unknown): unknown {
  const x = a as Obj;
  if (x.type !== 'date' || typeof x.value !== 'string') return a;
  const precision = precisionOfValue(x.value);
  return precision === undefined ? a : { ...x, precision };
}

/** A valid version 1 sidecar as version 2 (a new object; the one given is not changed). */
export function migrateV1(v1: Obj): Obj {
  return {
    ...v1,
    version: 2,
    annotations: (v1.annotations as unknown[]).map(annotationV2),
    orphans: (v1.orphans as unknown[]).map(annotationV2),
  };
}

/** A valid version 2 sidecar as version 3 (a new object; the one given is not changed). */
export function migrateV2(v2: Obj): Obj {
  const ref = (v2.document as Obj).referenceDate;
  const fixed = (a: unknown): unknown => {
    const x = a as Obj;
    if (x.type !== 'date' || x.source !== 'manual' || typeof x.value !== 'string') return a;
    return resolveDateText(String(x.text), typeof ref === 'string' ? ref : null).value === x.value ? a : { ...x, valueFixed: true };
  };
  return { ...v2, version: 3, annotations: (v2.annotations as unknown[]).map(fixed), orphans: (v2.orphans as unknown[]).map(fixed) };
}
