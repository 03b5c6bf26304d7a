// The properties the fuzzers check, shared by test/fuzz/fuzz.test.ts (a CI-sized run) and scripts/fuzz.ts (long
// runs). Each check throws an Error naming the broken invariant, so fast-check reports a shrunk counterexample.
import fc from 'fast-check';
import { Analyzer } from '../../src/core/analyze';
import { quoteContext } from '../../src/core/anchor';
import { EXPORT_FORMATS } from '../../src/core/export';
import { segment } from '../../src/core/segment';
import { ArticleSession } from '../../src/core/session';
import { precisionOfValue } from '../../src/core/sidecar/migrate';
import {
  addAnnotation,
  analyzeOptionsFor,
  annotateAllOccurrences,
  applyTextChanges,
  canonicalSidecar,
  decodeArticle,
  deleteOrphan,
  EditError,
  parseSidecar,
  reattachOrphan,
  reconcile,
  removeAllOccurrences,
  removeAnnotation,
  removeEntity,
  retypeAnnotation,
  retypeEntity,
  serializeSidecar,
  setNote,
  setReferenceDate,
  SidecarError,
  validateSidecar,
  type Sidecar,
} from '../../src/core/sidecar';
import type { AnalysisResult, AnalyzeOptions, AnnotationType } from '../../src/core/types';
import { articleText, bigArticle, editFractions, editsIn, lexicon, longLine, referenceDate, spanFractions, spanIn } from './arbitraries';
import { InMemoryStorage } from './inMemoryStorage';

// ---- invariants ----

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** What may not start a span (other than at offset 0) nor follow its end: it belongs to the character before. */
const EXTENDING = /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f])/u;

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

/** In bounds, non-empty, text === slice, no surrogate pair or combining sequence cut. */
export function checkSpan(text: string, a: { start: number; end: number; text: string; id?: string }, where: string): void {
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end > text.length || a.start >= a.end) {
    fail(`${where}: span out of bounds or empty (length ${text.length})`, a);
  }
  if (text.slice(a.start, a.end) !== a.text) fail(`${where}: text !== slice`, { ...a, slice: text.slice(a.start, a.end) });
  for (const at of [a.start, a.end]) {
    if (at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) fail(`${where}: splits a surrogate pair at ${at}`, a);
  }
  if (a.start > 0 && EXTENDING.test(text.slice(a.start, a.start + 1))) fail(`${where}: starts inside a grapheme (combining mark at start)`, a);
  if (a.end < text.length && EXTENDING.test(text.slice(a.end, a.end + 1))) fail(`${where}: ends inside a grapheme (combining mark after end)`, a);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Stricter than checkSpan: no span cuts a full Unicode grapheme cluster (flags, emoji sequences, Hangul, ...). */
export function checkGraphemeBoundaries(text: string, spans: readonly { start: number; end: number }[]): void {
  if (spans.length === 0) return;
  const boundaries = new Set<number>([text.length]);
  for (const g of graphemes.segment(text)) boundaries.add(g.index);
  for (const s of spans) {
    if (!boundaries.has(s.start) || !boundaries.has(s.end)) fail('span cuts a grapheme cluster', { ...s, text: text.slice(s.start, s.end) });
  }
}

const DAY_IN_MONTH = (y: number, m: number) =>
  new Date(Date.UTC(2000, m, 0)).getUTCDate() - (m === 2 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0);

/** TIMEX3-style values as src/core/dates/resolve.ts writes them. */
const TIMEX =
  /^(?:PRESENT_REF|PAST_REF|FUTURE_REF|\d{2}|\d{3}|(-?\d{4})(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?|(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T(?:MO|AF|EV|NI|(?:[01]\d|2[0-3]):[0-5]\d))?)?))?)$/;

export function checkDateValue(value: string | null | undefined, where: string): void {
  if (value === null) return;
  if (typeof value !== 'string') fail(`${where}: a date value must be a string or null`, value);
  const m = TIMEX.exec(value);
  if (!m) fail(`${where}: not a TIMEX3 value`, value);
  if (m[3] !== undefined && Number(m[3]) > DAY_IN_MONTH(Number(m[1]), Number(m[2]))) fail(`${where}: no such day`, value);
}

export function checkAnalysis(text: string, r: AnalysisResult, options: AnalyzeOptions): void {
  const entities = new Map(r.entities.map(e => [e.id, e]));
  if (entities.size !== r.entities.length)
    fail(
      'duplicate entity ids',
      r.entities.map(e => e.id),
    );
  const ids = new Set<string>();
  let lastEnd = 0;
  let lastStart = -1;
  const wanted = options.types ?? ['person', 'place', 'organization', 'date'];
  for (const a of r.annotations) {
    checkSpan(text, a, `annotation ${a.id}`);
    if (ids.has(a.id)) fail('duplicate annotation id', a.id);
    ids.add(a.id);
    if (a.source !== 'auto') fail('analysis gave a non-auto annotation', a);
    if (!wanted.includes(a.type)) fail('type not asked for', a);
    if (a.start < lastStart) fail('annotations not sorted', a);
    if (a.start < lastEnd) fail('annotations overlap', a);
    lastStart = a.start;
    lastEnd = a.end;
    if (a.type === 'date') {
      if (a.entity !== undefined) fail('a date with an entity', a);
      checkDateValue(a.value, `annotation ${a.id}`);
      // the precision comes with the value, and is the one the sidecar migration would derive from it
      if ((a.value === null) !== (a.precision === undefined)) fail('a date value without a precision, or a precision without a value', a);
      if (a.value !== null && precisionOfValue(a.value!) !== a.precision) fail('precision does not match the value', a);
    } else {
      const e = a.entity === undefined ? undefined : entities.get(a.entity);
      if (!e) fail('mention of a missing entity', a);
      if (e.type !== a.type) fail('mention and entity types differ', { a, e });
    }
  }
  for (const e of r.entities) {
    if (!e.aliases.includes(e.name)) fail('entity name not among its aliases', e);
    if (!wanted.includes(e.type)) fail('entity of a type not asked for', e);
  }
  const ref = r.referenceDate;
  if (options.referenceDate) {
    if (ref?.value !== options.referenceDate || ref.source !== 'user') fail('given reference date not used', ref);
  } else if (ref !== null) {
    if (ref.source !== 'detected' || !/^\d{4}-\d{2}-\d{2}$/.test(ref.value)) fail('bad detected reference date', ref);
    checkDateValue(ref.value, 'referenceDate');
  }
}

/** A sidecar that matches `text`: valid against the schema rules, every span sound. */
export function checkSidecar(text: string, s: Sidecar, where: string): void {
  const errors = validateSidecar(s);
  if (errors.length) fail(`${where}: invalid sidecar`, errors.slice(0, 5));
  if (s.document.length !== text.length) fail(`${where}: document.length`, [s.document.length, text.length]);
  for (const a of s.annotations) {
    checkSpan(text, a, `${where}: annotation ${a.id}`);
    if (a.type === 'date') checkDateValue(a.value, `${where}: annotation ${a.id}`);
  }
  for (const r of s.rejections) checkSpan(text, r, `${where}: rejection`);
}

/**
 * Every annotation's and rejection's stored context is the text around it now: what moving spans with typing must
 * keep true (applyTextChanges only re-computes it for spans an edit comes near).
 */
export function checkContext(text: string, s: Sidecar, where: string): void {
  for (const a of [...s.annotations, ...s.rejections]) {
    const want = quoteContext(text, a);
    if (a.prefix !== want.prefix || a.suffix !== want.suffix) fail(`${where}: stale context`, { a, want });
  }
}

/** Every manual annotation and orphan of `before` is in `after`: placed on text equal to its own, or an orphan. */
export function checkNothingLost(before: Sidecar, after: Sidecar, newText: string, where: string): void {
  const placed = new Map(after.annotations.map(a => [a.id, a]));
  const orphaned = new Set(after.orphans.map(o => o.id));
  const owned = [...before.annotations.filter(a => a.source === 'manual' || a.note !== undefined), ...before.orphans];
  for (const a of owned) {
    const p = placed.get(a.id);
    if (p) {
      if (newText.slice(p.start, p.end) !== p.text) fail(`${where}: ${a.id} placed on other text`, { p, slice: newText.slice(p.start, p.end) });
      if (p.source !== 'manual') fail(`${where}: ${a.id} is no longer manual`, p);
      if (a.note !== undefined && p.note !== a.note) fail(`${where}: ${a.id} lost its note`, p);
    } else if (!orphaned.has(a.id)) fail(`${where}: manual annotation ${a.id} lost (neither placed nor orphaned)`, a);
  }
}

// ---- building sidecars ----

/** A small cache so that shrinking and repeated texts stay fast, bounded so long runs do not grow. */
const analyzer = new Analyzer(5000);
export const analyzeText = (text: string, options: AnalyzeOptions = {}) => analyzer.analyze(text, options);

const tolerate = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch (e) {
    // the edits refuse bad input with an EditError (shown to the user); anything else is a bug
    if (e instanceof EditError) return fallback;
    throw e;
  }
};

/** A fresh sidecar for `text`, with manual annotations added on the given spans. */
export function sidecarWithManual(text: string, spans: readonly [number, number, AnnotationType][], ref?: string): Sidecar {
  let s = reconcile({ text, file: 'a.txt', analysis: analyzeText(text, { referenceDate: ref }) }).sidecar;
  spans.forEach(([at, len, type], i) => {
    const span = spanIn(text, at, len);
    s = tolerate(
      () => addAnnotation(s, text, span, type, i % 3 === 2 ? { note: `note ${i} =1+1 <b>x</b>` } : type === 'date' ? { value: '2015-11-24' } : {}),
      s,
    );
  });
  return s;
}

// ---- edit operations ----

const TYPES: AnnotationType[] = ['person', 'place', 'organization', 'date'];
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const pick = <T>(list: readonly T[], f: number): T | undefined => (list.length ? list[Math.floor(f * list.length)] : undefined);

const editOp = fc.tuple(fc.integer({ min: 0, max: 10 }), fraction, fc.integer({ min: 1, max: 30 }), fc.constantFrom(...TYPES), fc.string({ maxLength: 6 }));
type EditOp = [kind: number, f: number, len: number, type: AnnotationType, word: string];

function applyEdit(s: Sidecar, text: string, [kind, f, len, type, word]: EditOp): Sidecar {
  const ann = pick(s.annotations, f);
  const orphan = pick(s.orphans, f);
  const entity = pick(s.entities, f);
  switch (kind) {
    case 0:
      return addAnnotation(s, text, spanIn(text, f, len), type, { newEntityName: word || undefined, note: word || undefined });
    case 1:
      return ann ? retypeAnnotation(s, text, ann.id, type) : s;
    case 2:
      return ann ? removeAnnotation(s, text, ann.id) : s;
    case 3: {
      const sp = spanIn(text, f, len);
      return annotateAllOccurrences(s, text, text.slice(sp.start, sp.end), type);
    }
    case 4:
      return ann ? removeAllOccurrences(s, text, ann.text, f < 0.5 ? ann.type : undefined) : s;
    case 5:
      return entity ? retypeEntity(s, text, entity.id, type) : s;
    case 6:
      return entity ? removeEntity(s, text, entity.id) : s;
    case 7:
      return setReferenceDate(s, f < 0.2 ? null : f < 0.4 ? word : '2016-02-29');
    case 8:
      return ann ? setNote(s, text, ann.id, word) : s;
    case 9:
      return orphan ? reattachOrphan(s, text, orphan.id, spanIn(text, f, len)) : s;
    default:
      return orphan ? deleteOrphan(s, orphan.id) : s;
  }
}

// ---- hand-edited sidecars ----

const mutation = fc.tuple(fc.integer({ min: 0, max: 10 }), fraction, fc.integer({ min: -40, max: 40 }), fc.string({ maxLength: 8 }));
type Mutation = [kind: number, f: number, delta: number, word: string];

/**
 * What a person (or a bad merge) may do to a sidecar by hand while keeping it valid JSON: move offsets, change the
 * quoted text, point a mention at another entity, duplicate or drop entries, change the recorded document length.
 */
function mutate(s: Sidecar, [kind, f, delta, word]: Mutation): Sidecar {
  const out = JSON.parse(JSON.stringify(s)) as Sidecar;
  const i = Math.floor(f * out.annotations.length);
  const a = out.annotations[i];
  const clamp = (n: number) => Math.max(0, Math.min(out.document.length, n));
  switch (kind) {
    case 0:
      if (a) {
        a.start = clamp(a.start + delta);
        a.end = Math.max(a.start, clamp(a.end + delta));
      }
      break;
    case 1:
      if (a) a.text = word;
      break;
    case 2:
      if (a) {
        a.prefix = word;
        a.suffix = word.split('').reverse().join('');
      }
      break;
    case 3:
      if (a && out.entities.length && a.type !== 'date')
        a.entity =
          pick(
            out.entities.filter(e => e.type === a.type),
            f,
          )?.id ?? a.entity;
      break;
    case 4:
      if (a) out.annotations.push({ ...a, id: `m${900 + i}`, source: 'manual' });
      break;
    case 5:
      if (a) out.annotations.splice(i, 1);
      break;
    case 6:
      if (a) {
        a.source = 'manual';
        a.end = clamp(a.end + Math.abs(delta));
      }
      break;
    case 7:
      out.document.length = Math.max(0, out.document.length + delta);
      break;
    case 8:
      if (a) out.rejections.push({ type: a.type, start: clamp(a.start + delta), end: clamp(a.start + delta), text: word, prefix: a.prefix, suffix: a.suffix });
      break;
    case 9:
      if (a) out.rejections.push({ type: a.type, start: a.start, end: clamp(a.end + Math.abs(delta)), text: a.text, prefix: '', suffix: '' });
      break;
    default:
      if (a) {
        out.annotations.splice(i, 1);
        out.orphans.push({ ...a, id: `m${800 + i}`, source: 'manual', text: word, orphanedAt: '2020-01-01T00:00:00.000Z' });
      }
      break;
  }
  return out;
}

// ---- exports ----

const codePoints = (t: string) => Array.from(t);

/** Minimal RFC 4180 reader for checking the CSV export. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && content[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (quoted || cell || row.length) throw new Error('CSV does not end with a complete row');
  return rows;
}

function checkCpSpan(cps: string[], start: number, end: number, exact: string | undefined, where: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > cps.length || start >= end)
    fail(`${where}: code point span out of bounds (${cps.length})`, [start, end]);
  if (exact !== undefined && cps.slice(start, end).join('') !== exact) fail(`${where}: exported text !== slice`, { start, end, exact });
}

/** Runs every exporter on the article and checks offsets against its text. */
export function checkExports(fileName: string, text: string, sidecar: Sidecar): void {
  const cps = codePoints(text);
  for (const format of EXPORT_FORMATS) {
    const out = format.export([{ fileName, text, sidecar }]);
    const where = `export ${format.id}`;
    if (typeof out.content !== 'string') fail(`${where}: no content`, out);
    switch (format.id) {
      case 'w3c': {
        const doc = JSON.parse(out.content) as { first: { items: { target: { selector: [{ exact: string }, { start: number; end: number }] } }[] } };
        for (const item of doc.first.items) {
          const [quote, pos] = item.target.selector;
          checkCpSpan(cps, pos.start, pos.end, quote.exact, where);
        }
        break;
      }
      case 'jsonl-spacy':
      case 'jsonl-doccano': {
        const lines = out.content.split('\n').filter(Boolean);
        if (lines.length !== 1) fail(`${where}: one article must give one line`, lines.length);
        const rec = JSON.parse(lines[0]) as { text: string; spans?: { start: number; end: number }[]; label?: [number, number, string][] };
        if (rec.text !== text) fail(`${where}: text changed`, null);
        const spans = rec.spans ?? rec.label!.map(([start, end]) => ({ start, end }));
        for (const sp of spans) checkCpSpan(cps, sp.start, sp.end, undefined, where);
        break;
      }
      case 'brat': {
        if (out.companions[0]?.content !== text) fail(`${where}: the .txt companion is not the article`, null);
        for (const line of out.content.split('\n')) {
          if (!line.startsWith('T')) continue;
          const [, spec, shown] = line.split('\t');
          const frags = spec
            .split(' ')
            .slice(1)
            .join(' ')
            .split(';')
            .map(f => f.split(' ').map(Number));
          for (const [a, b] of frags) checkCpSpan(cps, a, b, undefined, where);
          const joined = frags.map(([a, b]) => cps.slice(a, b).join('')).join(' ');
          if (joined !== shown) fail(`${where}: shown text differs from the fragments`, { line, joined });
        }
        break;
      }
      case 'conll': {
        for (const line of out.content.split('\n')) {
          if (line === '') continue;
          if (!/^[^\s]+\t(?:O|[BI]-[A-Z]+)$/u.test(line)) fail(`${where}: malformed line`, line);
        }
        break;
      }
      case 'csv': {
        const rows = parseCsv(out.content);
        for (const row of rows.slice(1)) {
          if (row.length !== rows[0].length) fail(`${where}: row width`, row);
          for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) fail(`${where}: formula cell not neutralised`, cell);
          const shown = row[2].startsWith("'") ? row[2].slice(1) : row[2];
          checkCpSpan(cps, Number(row[3]), Number(row[4]), shown, where);
        }
        break;
      }
    }
  }
}

// ---- the properties ----

export interface FuzzConfig {
  /** Longest single line in the long-line property (code units). */
  longLine: number;
}

export interface FuzzProperty {
  name: string;
  /** Share of the total runs this property gets (the long-line one is slow per case). */
  weight: number;
  property(config: FuzzConfig): fc.IProperty<never> | fc.IProperty<unknown[]>;
}

const optionalRef = fc.option(referenceDate, { nil: undefined, freq: 2 });
const types = fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined, freq: 3 });

export const PROPERTIES: FuzzProperty[] = [
  {
    name: 'analyze: never throws, spans sound, entities exist, dates TIMEX3',
    weight: 30,
    property: () =>
      fc.property(articleText, optionalRef, fc.option(lexicon, { nil: undefined }), types, (text, ref, lex, ty) => {
        const options: AnalyzeOptions = { referenceDate: ref, lexicon: lex, types: ty };
        const r = analyzeText(text, options);
        checkAnalysis(text, r, options);
        checkGraphemeBoundaries(text, r.annotations);
      }),
  },
  {
    name: 'analyze: the paragraph cache changes nothing (warm cache, after edits, = a cold analysis)',
    weight: 4,
    property: () =>
      fc.property(articleText, editFractions, optionalRef, (text, edits, ref) => {
        const { newText } = editsIn(text, edits);
        analyzeText(text, { referenceDate: ref });
        const warm = analyzeText(newText, { referenceDate: ref });
        const cold = new Analyzer(0).analyze(newText, { referenceDate: ref });
        if (JSON.stringify(warm) !== JSON.stringify(cold)) fail('cached and fresh analyses differ', { newText });
      }),
  },
  {
    name: 'analyze: asking for some types gives the full analysis filtered to them',
    weight: 4,
    property: () =>
      fc.property(articleText, fc.subarray(TYPES, { minLength: 1 }), fc.option(lexicon, { nil: undefined }), (text, ty, lex) => {
        const key = (r: AnalysisResult) =>
          r.annotations.map(a => `${a.type}:${a.start}:${a.end}:${a.value ?? ''}:${r.entities.find(e => e.id === a.entity)?.name ?? ''}`);
        const full = analyzeText(text, { lexicon: lex });
        const some = analyzeText(text, { lexicon: lex, types: ty });
        const expected = key({ ...full, annotations: full.annotations.filter(a => ty.includes(a.type)) });
        if (JSON.stringify(key(some)) !== JSON.stringify(expected))
          fail('types filter differs from the full analysis', { types: ty, got: key(some), expected });
      }),
  },
  {
    name: 'analyze: a long single line',
    weight: 0.5,
    property: c =>
      fc.property(longLine(c.longLine), optionalRef, (text, ref) => {
        const options: AnalyzeOptions = { referenceDate: ref };
        checkAnalysis(text, analyzeText(text, options), options);
      }),
  },
  {
    name: 'segment: units cover the text in order, bounded, never cut a surrogate pair',
    weight: 10,
    property: () =>
      fc.property(fc.oneof(articleText, longLine(20000)), fc.integer({ min: 2, max: 5000 }), (text, max) => {
        let last = 0;
        for (const u of segment(text, max)) {
          if (u.start < last || u.end > text.length || u.end - u.start > max || u.start >= u.end) fail('bad unit', { ...u, text: undefined });
          if (text.slice(u.start, u.end) !== u.text) fail('unit text !== slice', u);
          if (u.start > 0 && isLow(text.charCodeAt(u.start)) && isHigh(text.charCodeAt(u.start - 1))) fail('unit splits a surrogate pair', u.start);
          last = u.end;
        }
      }),
  },
  {
    name: 'applyTextChanges: never throws, never loses a manual annotation',
    weight: 15,
    property: () =>
      fc.property(articleText, spanFractions, fc.array(editOp, { maxLength: 3 }), editFractions, (text, spans, ops, edits) => {
        let s = sidecarWithManual(text, spans);
        for (const op of ops) s = tolerate(() => applyEdit(s, text, op as EditOp), s);
        checkSidecar(text, s, 'before');
        const { changes, newText } = editsIn(text, edits);
        const after = applyTextChanges(s, newText, changes, '2026-01-01T00:00:00.000Z');
        checkSidecar(newText, after, 'applyTextChanges');
        checkNothingLost(s, after, newText, 'applyTextChanges');
        checkContext(newText, after, 'applyTextChanges');
      }),
  },
  {
    name: 'typing: successive applyTextChanges, then reconcile, never lose a manual annotation',
    weight: 8,
    property: () =>
      fc.property(articleText, spanFractions, fc.array(editFractions, { minLength: 1, maxLength: 4 }), (text, spans, steps) => {
        const first = sidecarWithManual(text, spans);
        let s = first;
        let current = text;
        for (const edits of steps) {
          const { changes, newText } = editsIn(current, edits);
          const next = applyTextChanges(s, newText, changes, '2026-01-01T00:00:00.000Z');
          checkNothingLost(s, next, newText, 'typing');
          s = next;
          current = newText;
        }
        checkSidecar(current, s, 'typing');
        const settled = reconcile({ text: current, file: 'a.txt', analysis: analyzeText(current), previous: s }).sidecar;
        checkSidecar(current, settled, 'reconcile after typing');
        checkNothingLost(s, settled, current, 'reconcile after typing');
      }),
  },
  {
    // the path the editor takes on every keystroke: ArticleSession.textChanged (applyTextChanges), then undo, redo
    // and the debounced analysis
    name: 'article session while typing: spans follow each change, undo/redo and the next analysis lose no manual annotation',
    weight: 8,
    property: () =>
      fc.property(articleText, spanFractions, fc.array(editFractions, { minLength: 1, maxLength: 4 }), (text, spans, steps) => {
        const session = new ArticleSession({
          storage: new InMemoryStorage(),
          sidecarPath: 'a.txt.annotations.json',
          file: 'a.txt',
          analyzer: { analyze: analyzeText },
          now: () => '2026-01-01T00:00:00.000Z',
        });
        session.analyze(text);
        spans.forEach(([at, len, type], i) => {
          tolerate(() => session.edit(`add ${i}`, text, (sc, t) => addAnnotation(sc, t, spanIn(t, at, len), type)), undefined);
        });
        let current = text;
        for (const edits of steps) {
          const before = session.sidecar!;
          const { changes, newText } = editsIn(current, edits);
          if (!session.textChanged(newText, changes)) fail('session: text change not applied', changes);
          checkSidecar(newText, session.sidecar!, 'session typing');
          checkContext(newText, session.sidecar!, 'session typing');
          checkNothingLost(before, session.sidecar!, newText, 'session typing');
          current = newText;
        }
        const typed = session.sidecar!;
        if (session.undo(current) !== undefined) {
          checkSidecar(current, session.sidecar!, 'session undo');
          session.redo(current);
          checkSidecar(current, session.sidecar!, 'session redo');
          checkNothingLost(typed, session.sidecar!, current, 'session undo + redo');
        }
        const redone = session.sidecar!;
        session.analyze(current);
        checkSidecar(current, session.sidecar!, 'session analysis after typing');
        checkNothingLost(redone, session.sidecar!, current, 'session analysis after typing');
      }),
  },
  {
    name: 'big articles: re-anchoring after edits among many identical quotes never loses a manual annotation',
    weight: 2,
    property: () =>
      fc.property(bigArticle, spanFractions, editFractions, (text, spans, edits) => {
        const s = sidecarWithManual(text, spans);
        const { changes, newText } = editsIn(text, edits);
        const typed = applyTextChanges(s, newText, changes, '2026-01-01T00:00:00.000Z');
        checkNothingLost(s, typed, newText, 'applyTextChanges');
        const after = reconcile({ text: newText, file: 'a.txt', analysis: analyzeText(newText), previous: s, now: '2026-01-01T00:00:00.000Z' }).sidecar;
        checkSidecar(newText, after, 'reconcile');
        checkNothingLost(s, after, newText, 'reconcile');
      }),
  },
  {
    name: 'reconcile is idempotent: the same text twice gives the same sidecar',
    weight: 5,
    property: () =>
      fc.property(articleText, spanFractions, fc.array(editOp, { maxLength: 3 }), optionalRef, (text, spans, ops, ref) => {
        let s = sidecarWithManual(text, spans, ref);
        for (const op of ops) s = tolerate(() => applyEdit(s, text, op as EditOp), s);
        const analysis = analyzeText(text, analyzeOptionsFor(s, { referenceDate: ref }));
        const once = reconcile({ text, file: 'a.txt', analysis, previous: s }).sidecar;
        const twice = reconcile({ text, file: 'a.txt', analysis, previous: once }).sidecar;
        checkNothingLost(s, once, text, 'reconcile same text');
        if (serializeSidecar(once) !== serializeSidecar(twice)) fail('reconcile on the same text changed the sidecar again', null);
      }),
  },
  {
    name: 'reconcile after edits: never throws, never loses a manual annotation',
    weight: 15,
    property: () =>
      fc.property(articleText, spanFractions, editFractions, optionalRef, (text, spans, edits, ref) => {
        const s = sidecarWithManual(text, spans, ref);
        const { newText } = editsIn(text, edits);
        const { sidecar: after, report } = reconcile({
          text: newText,
          file: 'a.txt',
          analysis: analyzeText(newText, { referenceDate: ref }),
          previous: s,
          now: '2026-01-01T00:00:00.000Z',
        });
        checkSidecar(newText, after, 'reconcile');
        checkNothingLost(s, after, newText, 'reconcile');
        for (const id of report.orphaned) if (!after.orphans.some(o => o.id === id)) fail('reported orphan missing', id);
        // and back to the old text: still nothing lost
        const back = reconcile({ text, file: 'a.txt', analysis: analyzeText(text, { referenceDate: ref }), previous: after }).sidecar;
        checkSidecar(text, back, 'reconcile back');
        checkNothingLost(after, back, text, 'reconcile back');
      }),
  },
  {
    name: 'edit operations: only EditError, result valid, input untouched; serialize -> parse round-trips',
    weight: 15,
    property: () =>
      fc.property(articleText, spanFractions, fc.array(editOp, { maxLength: 8 }), (text, spans, ops) => {
        let s = sidecarWithManual(text, spans);
        for (const op of ops) {
          s = tolerate(() => applyEdit(s, text, op as EditOp), s);
          checkSidecar(text, s, `after edit ${op[0]}`);
        }
        const serialized = serializeSidecar(s);
        const parsed = parseSidecar(serialized, 'a.txt.annotations.json');
        if (JSON.stringify(parsed) !== JSON.stringify(canonicalSidecar(s))) fail('parse(serialize(s)) !== canonical(s)', null);
        if (serializeSidecar(parsed) !== serialized) fail('serialize is not stable', null);
      }),
  },
  {
    name: 'edit operations never modify the sidecar given',
    weight: 5,
    property: () =>
      fc.property(articleText, spanFractions, editOp, (text, spans, op) => {
        const s = sidecarWithManual(text, spans);
        const before = JSON.stringify(s);
        tolerate(() => applyEdit(s, text, op as EditOp), s);
        if (JSON.stringify(s) !== before) fail('an edit modified its input', op);
      }),
  },
  {
    name: 'exports: never throw, offsets in bounds, text matches (also on stale sidecars)',
    weight: 10,
    property: () =>
      fc.property(articleText, spanFractions, fc.array(editOp, { maxLength: 4 }), editFractions, (text, spans, ops, edits) => {
        let s = sidecarWithManual(text, spans, '2015-11-24');
        for (const op of ops) s = tolerate(() => applyEdit(s, text, op as EditOp), s);
        checkExports('a.txt', text, s);
        // several articles in one export
        for (const format of EXPORT_FORMATS.filter(f => f.multiDocument))
          format.export([
            { fileName: 'a.txt', text, sidecar: s },
            { fileName: 'b 😀.md', text, sidecar: s },
          ]);
        // the article changed but the sidecar was not re-annotated: stale annotations must be left out, not exported wrong
        checkExports('a.txt', editsIn(text, edits).newText, s);
      }),
  },
  {
    name: 'hand-edited sidecars: refused with a SidecarError, or reconciled and exported without losing anything',
    weight: 8,
    property: () =>
      fc.property(articleText, spanFractions, fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, spans, mutations) => {
        let s = sidecarWithManual(text, spans, '2015-11-24');
        for (const m of mutations) s = mutate(s, m as Mutation);
        let parsed: Sidecar;
        try {
          parsed = parseSidecar(JSON.stringify(s), 'a.txt.annotations.json');
        } catch (e) {
          if (e instanceof SidecarError) return;
          throw e;
        }
        // exports of a sidecar that does not match its text leave out what does not match
        checkExports('a.txt', text, parsed);
        const { sidecar } = reconcile({
          text,
          file: 'a.txt',
          analysis: analyzeText(text, analyzeOptionsFor(parsed)),
          previous: parsed,
          now: '2026-01-01T00:00:00.000Z',
        });
        checkSidecar(text, sidecar, 'reconcile of a hand-edited sidecar');
        checkNothingLost(parsed, sidecar, text, 'reconcile of a hand-edited sidecar');
      }),
  },
  {
    name: 'decodeArticle: never throws; accepted bytes are exactly the text in UTF-8',
    weight: 5,
    property: () =>
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          articleText.map(t => new TextEncoder().encode(t)),
        ),
        bytes => {
          const r = decodeArticle(bytes, 1 << 20);
          if (!r.ok) {
            if (!r.reason) fail('refused without a reason', null);
            return;
          }
          const again = new TextEncoder().encode(r.text);
          const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
          if (Buffer.compare(Buffer.from(again), Buffer.from(body)) !== 0) fail('decoded text does not re-encode to the bytes', r.text);
          if (r.text.includes('\u0000')) fail('accepted a NUL byte', null);
        },
      ),
  },
];

/** Splits `total` runs over the properties by weight (at least one each). */
export function runsFor(total: number): number[] {
  const sum = PROPERTIES.reduce((n, p) => n + p.weight, 0);
  // rounded up, so a run never does fewer cases than asked
  return PROPERTIES.map(p => Math.max(1, Math.ceil((total * p.weight) / sum)));
}
