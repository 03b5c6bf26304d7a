// Deterministic sidecar text: fixed key order, sorted lists, 2-space JSON, trailing newline. The same sidecar always
// gives the same bytes, so a re-run that changes nothing leaves git clean and real changes diff line by line.
import type { Entity } from '../types';
import type { Orphan, Rejection, Sidecar, SidecarAnnotation } from './types';

// Made once (a regex literal in a function body is a new object each time); split and replace start from the
// beginning whatever the regex's lastIndex.
const DIGIT_RUNS = /(\d+)/;
const LINE_BREAKS = /\n/g;

/** `e2` before `e10`; code-unit order otherwise (no locale: the bytes must not depend on the machine). */
function natural(a: string, b: string): number {
  const pa = a.split(DIGIT_RUNS),
    pb = b.split(DIGIT_RUNS);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    if (i % 2 === 1) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d !== 0) return d;
    }
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}
const bySpan = (a: { start: number; end: number; type: string }, b: { start: number; end: number; type: string }) =>
  a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

function annotation(a: SidecarAnnotation): SidecarAnnotation {
  const out: SidecarAnnotation = { id: a.id, type: a.type, start: a.start, end: a.end, text: a.text, source: a.source } as SidecarAnnotation;
  if (a.entity !== undefined) out.entity = a.entity;
  if (a.value !== undefined) out.value = a.value;
  if (a.precision !== undefined) out.precision = a.precision;
  if (a.note !== undefined) out.note = a.note;
  // only `true` is stored: an unreviewed annotation or a value the resolver gives is the absence of the field
  if (a.reviewed === true) out.reviewed = true;
  if (a.valueFixed === true) out.valueFixed = true;
  out.prefix = a.prefix;
  out.suffix = a.suffix;
  return out;
}

function orphan(o: Orphan): Orphan {
  return { ...annotation(o), orphanedAt: o.orphanedAt };
}

const rejection = (r: Rejection): Rejection => ({ type: r.type, start: r.start, end: r.end, text: r.text, prefix: r.prefix, suffix: r.suffix });

function entity(e: Entity): Entity {
  const out: Entity = { id: e.id, type: e.type, name: e.name, aliases: [...e.aliases].sort() };
  if (e.externalId !== undefined) out.externalId = e.externalId;
  if (e.note !== undefined) out.note = e.note;
  return out;
}

/** The sidecar's lists in canonical order, their items as stored (sorting references copies no annotation). */
function sortedLists(s: Sidecar) {
  return {
    entities: [...s.entities].sort((a, b) => natural(a.id, b.id)),
    annotations: [...s.annotations].sort((a, b) => bySpan(a, b) || natural(a.id, b.id)),
    rejections: [...s.rejections].sort((a, b) => bySpan(a, b) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
    orphans: [...s.orphans].sort((a, b) => bySpan(a, b) || natural(a.id, b.id)),
  };
}

/** The sidecar's top level in canonical key order, with `lists` in place of its lists (items not yet canonical). */
function topLevel(s: Sidecar, lists: ReturnType<typeof sortedLists>): Record<string, unknown> {
  const d = s.document;
  const out: Record<string, unknown> = {};
  if (s.$schema !== undefined) out.$schema = s.$schema;
  Object.assign(out, {
    version: s.version,
    generator: s.generator,
    document: { file: d.file, sha256: d.sha256, length: d.length, referenceDate: d.referenceDate, referenceDateSource: d.referenceDateSource },
    ...lists,
  });
  return out;
}

/** The sidecar with keys in canonical order and lists sorted (what serializeSidecar writes). */
export function canonicalSidecar(s: Sidecar): Sidecar {
  const lists = sortedLists(s);
  return topLevel(s, {
    entities: lists.entities.map(entity),
    annotations: lists.annotations.map(annotation),
    rejections: lists.rejections.map(rejection),
    orphans: lists.orphans.map(orphan),
  }) as unknown as Sidecar;
}

export function serializeSidecar(s: Sidecar): string {
  return madeWhole(s) ? wholeText(s) : [...sidecarChunks(s)].join('');
}

/** The most UTF-16 code units in one piece yielded by sidecarChunks. */
export const SIDECAR_CHUNK = 1 << 16;

/**
 * Up to this many characters of article text, the sidecar's text is made by one JSON.stringify of the canonical
 * sidecar (then cut into pieces): about 4x less CPU than an item at a time in a fresh process (the 216 CoNLL dev
 * documents' sidecars, 2.2 MB of JSON: ~45 ms against ~180 ms, issue 14), for a text of a few MB held at once. A
 * bigger article's sidecar is made an item at a time, never held whole (issue 16).
 */
export const WHOLE_TEXT_UP_TO = 1 << 18;

const madeWhole = (s: Sidecar): boolean => s.document.length <= WHOLE_TEXT_UP_TO;

const wholeText = (s: Sidecar): string => `${JSON.stringify(canonicalSidecar(s), null, 2)}\n`;

/** Where a piece of the whole `text` that starts at `from` ends: at most SIDECAR_CHUNK code units later, never inside a surrogate pair. */
function pieceEnd(text: string, from: number): number {
  const end = from + SIDECAR_CHUNK;
  if (end >= text.length) return text.length;
  // a high surrogate last would leave its pair split across two pieces
  return isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

/**
 * serializeSidecar's text in pieces of at most SIDECAR_CHUNK code units, never splitting a surrogate pair (so each
 * piece encodes to UTF-8 on its own): a sidecar of a big article (hundreds of MB of JSON) is written or compared
 * without ever holding its whole text, nor a canonical copy of every annotation. The pieces joined are exactly
 * `JSON.stringify(canonicalSidecar(s), null, 2)` and a newline: each list item is stringified alone, indented as
 * it sits in the whole (JSON strings hold no raw line break, so re-indenting every '\n' is safe).
 */
export function* sidecarChunks(s: Sidecar): Generator<string, void, undefined> {
  if (madeWhole(s)) {
    const text = wholeText(s);
    for (let at = 0; at < text.length;) {
      const end = pieceEnd(text, at);
      yield text.slice(at, end);
      at = end;
    }
    return;
  }
  const lists = sortedLists(s);
  const canonical: Record<string, (item: never) => unknown> = { entities: entity, annotations: annotation, rejections: rejection, orphans: orphan };
  // text not yet handed out, and the full pieces cut from it: appending is a plain call (not a generator per piece of
  // text, which cost a generator object and a resumption for every list item of every sidecar a CLI run writes)
  let pending = '';
  const ready: string[] = [];
  const put = (piece: string): void => {
    pending += piece;
    while (pending.length >= SIDECAR_CHUNK) {
      // a high surrogate last would leave its pair split across two pieces
      const cut = isHighSurrogate(pending.charCodeAt(SIDECAR_CHUNK - 1)) ? SIDECAR_CHUNK - 1 : SIDECAR_CHUNK;
      ready.push(pending.slice(0, cut));
      pending = pending.slice(cut);
    }
  };
  // the full pieces so far, handed out before more text is made (so a big sidecar is never held whole)
  function* flush(): Generator<string, void, undefined> {
    for (let i = 0; i < ready.length; i++) yield ready[i];
    ready.length = 0;
  }
  const entries = Object.entries(topLevel(s, lists)).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  put('{');
  for (let e = 0; e < entries.length; e++) {
    const [key, value] = entries[e];
    put(`${e === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    const items = key in canonical && Array.isArray(value) ? value : undefined;
    if (items === undefined) {
      put(indented(JSON.stringify(value, null, 2), '\n  '));
    } else if (items.length === 0) {
      put('[]');
    } else {
      put('[');
      for (let i = 0; i < items.length; i++) {
        const item = canonical[key](items[i] as never);
        put(`${i === 0 ? '' : ','}\n    ${indented(JSON.stringify(item, null, 2) ?? 'null', '\n    ')}`);
        if (ready.length > 0) yield* flush();
      }
      put('\n  ]');
    }
    if (ready.length > 0) yield* flush();
  }
  put('\n}\n');
  yield* flush();
  if (pending.length > 0) yield pending;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const indented = (json: string, newline: string) => (json.includes('\n') ? json.replace(LINE_BREAKS, newline) : json);
