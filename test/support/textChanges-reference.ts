// The straightforward applyTextChanges (every span checked against every change, the entities tidied again whenever
// an edit comes near a mention), as it was before the per-keystroke work was cut: the oracle the faster one in
// src/core/sidecar/textChanges.ts must match exactly (test/unit/core/sidecar/textChanges-equivalence.test.ts).
import { anchor, CONTEXT_LENGTH, quoteContext } from '../../src/core/anchor';
import { snapToGraphemes } from '../../src/core/graphemes';
import type { Span } from '../../src/core/types';
import { makeAnnotation, tidyEntities } from '../../src/core/sidecar/model';
import type { TextChange } from '../../src/core/sidecar/textChanges';
import type { Orphan, Rejection, Sidecar, SidecarAnnotation } from '../../src/core/sidecar/types';

/** Where `span` is after `changes` (all in the old text's offsets, not overlapping), or null when an edit cuts it. */
function mapSpan(span: Span, changes: readonly TextChange[]): Span | null {
  let { start, end } = span;
  for (const c of changes) {
    const delta = c.text.length - (c.end - c.start);
    if (c.end <= span.start) {
      start += delta;
      end += delta;
    } else if (c.start >= span.end) {
      continue;
    } else if (c.start >= span.start && c.end <= span.end && !(c.start === span.start && c.end === span.end)) {
      end += delta;
    } else return null;
  }
  return end > start ? { start, end } : null;
}

/**
 * The sidecar for `newText`, obtained from `s` (which matched the text before `changes`) by applying the changes.
 * `now` is recorded on annotations this orphans. Returns a new sidecar; `s` is not modified. `document.sha256` still
 * names the text `s` was made for: hashing a 10 MB article takes a quarter of a second, too long for a keystroke, so
 * whoever saves the result hashes the text then (ArticleSession.save) or reconciles first.
 */
export function referenceApplyTextChanges(s: Sidecar, newText: string, changes: readonly TextChange[], now = new Date(0).toISOString()): Sidecar {
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) throw new Error('applyTextChanges: changes overlap');
  }
  const expected = s.document.length + sorted.reduce((n, c) => n + c.text.length - (c.end - c.start), 0);
  if (expected !== newText.length) {
    throw new Error(`applyTextChanges: the changes give a ${expected}-character text, not ${newText.length}: reconcile instead`);
  }
  const isBlank = (sp: Span) => newText.slice(sp.start, sp.end).trim() === '';
  // Within this many code units of a span an edit can change its stored context (one more each side: quoteContext
  // steps over a surrogate pair) or the grapheme it starts or ends in.
  const near = CONTEXT_LENGTH + 2;
  const untouched = (a: Span) => sorted.every(c => c.end < a.start - near || c.start > a.end + near);
  const shifted = <T extends Span>(a: T): T => {
    const at = mapSpan(a, sorted)!;
    return at.start === a.start ? a : { ...a, start: at.start, end: at.end };
  };
  const place = (a: SidecarAnnotation | Rejection): Span | null => {
    const mapped = mapSpan(a, sorted);
    // text typed just before a span that starts with a combining mark (only possible at the very start) takes the mark
    if (mapped && !isBlank(mapped)) return snapToGraphemes(newText, mapped);
    const found = anchor(newText, a);
    return found && !isBlank(found) ? { start: found.start, end: found.end } : null;
  };

  const annotations: SidecarAnnotation[] = [];
  const orphans: Orphan[] = [...s.orphans];
  let retexted = false;
  for (const a of s.annotations) {
    if (untouched(a)) {
      annotations.push(shifted(a));
      continue;
    }
    retexted = true;
    const at = place(a);
    if (at) annotations.push(makeAnnotation(newText, at, a));
    else if (a.source === 'manual' || a.note !== undefined) orphans.push({ ...a, source: 'manual', orphanedAt: now });
  }
  const rejections: Rejection[] = s.rejections.flatMap(r => {
    if (untouched(r)) return [shifted(r)];
    const at = place(r);
    return at ? [{ type: r.type, start: at.start, end: at.end, text: newText.slice(at.start, at.end), ...quoteContext(newText, at) }] : [];
  });
  return {
    ...s,
    document: { ...s.document, length: newText.length },
    // aliases follow the mentions' texts, which only an edit near a mention changes
    entities: retexted ? tidyEntities(s.entities, annotations, orphans) : s.entities,
    annotations,
    rejections,
    orphans,
  };
}
