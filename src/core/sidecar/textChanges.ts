// Moves a sidecar along with edits whose exact ranges are known (an editor's change events), so highlights follow
// typing at once, before the debounced re-analysis. Spans before an edit stay, spans after it shift, a span with an
// edit strictly inside it stretches (typing inside a name). A span whose boundary an edit cuts is re-anchored against
// the new text like after an outside change; a manual one that cannot be placed becomes an orphan, an auto one is
// dropped (the next analysis finds it again if it is still there).
// It runs on every keystroke (the article session calls it), so a span no edit comes near only has its offsets
// moved (its text and context are unchanged), a span wholly before or after all the edits is recognised by two
// comparisons (a 1.5 MB article holds some 60,000 annotations), the entities are tidied again only when a mention's
// name form changed or went, and the article is not hashed again (see applyTextChanges).
import { anchor, CONTEXT_LENGTH, quoteContext } from '../anchor';
import { snapToGraphemes } from '../graphemes';
import type { Span } from '../types';
import { makeAnnotation, spacedName, tidyEntities } from './model';
import type { Orphan, Rejection, Sidecar, SidecarAnnotation } from './types';

/** One edit: replace [start, end) of the text before the edits with `text`. Like VS Code's rangeOffset/rangeLength. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Where `span` is after `changes` (all in the old text's offsets, not overlapping), or null when an edit cuts it. */
export function mapSpan(span: Span, changes: readonly TextChange[]): Span | null {
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
 * A copy of `a` moved by `delta`: Object.assign copies the fields in the same order as a spread, about twice as fast
 * on annotations of mixed shapes (every span after the edit is copied on every keystroke).
 */
function moveBy<T extends Span>(a: T, delta: number): T {
  const out = Object.assign({}, a);
  out.start += delta;
  out.end += delta;
  return out;
}

/**
 * The sidecar for `newText`, obtained from `s` (which matched the text before `changes`) by applying the changes.
 * `now` is recorded on annotations this orphans. Returns a new sidecar; `s` is not modified. `document.sha256` still
 * names the text `s` was made for: hashing a 10 MB article takes a quarter of a second, too long for a keystroke, so
 * whoever saves the result hashes the text then (ArticleSession.save) or reconciles first. `s`'s entities are
 * expected tidy (tidyEntities, as reconcile and the edit operations leave them): they are kept as they are unless
 * the edits change a mention's name form.
 */
export function applyTextChanges(s: Sidecar, newText: string, changes: readonly TextChange[], now = new Date(0).toISOString()): Sidecar {
  return applyTextChangesOwned(s, newText, changes, now, undefined).sidecar;
}

/**
 * Which annotations of a sidecar (by index) were made by applyTextChangesOwned and seen by nobody but its caller
 * since: the next call may move them in place instead of copying them.
 */
export type OwnedAnnotations = Uint8Array;

/**
 * applyTextChanges for a caller that keeps the result to itself until the next change (ArticleSession while typing):
 * the annotations `owned` marks are moved in place rather than copied (copying the tens of thousands after the edit
 * was most of a keystroke's cost), and the result marks the ones the next call may move so. The caller must drop
 * `owned` (pass undefined) once anything else may hold the sidecar or its annotations. Gives the same sidecar as
 * applyTextChanges; `s` is modified where `owned` allows.
 */
export function applyTextChangesOwned(
  s: Sidecar,
  newText: string,
  changes: readonly TextChange[],
  now: string,
  owned: OwnedAnnotations | undefined,
): { sidecar: Sidecar; owned: OwnedAnnotations } {
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) throw new Error('applyTextChanges: changes overlap');
  }
  const total = sorted.reduce((n, c) => n + c.text.length - (c.end - c.start), 0);
  const expected = s.document.length + total;
  if (expected !== newText.length) {
    throw new Error(`applyTextChanges: the changes give a ${expected}-character text, not ${newText.length}: reconcile instead`);
  }
  const isBlank = (sp: Span) => newText.slice(sp.start, sp.end).trim() === '';
  // Within this many code units of a span an edit can change its stored context (one more each side: quoteContext
  // steps over a surrogate pair) or the grapheme it starts or ends in.
  const near = CONTEXT_LENGTH + 2;
  // the changes are sorted and do not overlap, so their ends rise too: a span ending `near` before the first change
  // stays where it is, one starting `near` after the last change's end moves by the total length change
  const firstStart = sorted.length > 0 ? sorted[0].start : Infinity;
  const lastEnd = sorted.length > 0 ? sorted[sorted.length - 1].end : -Infinity;
  const untouched = (a: Span) => sorted.every(c => c.end < a.start - near || c.start > a.end + near);
  const shifted = <T extends Span>(a: T): T => {
    if (a.end + near < firstStart) return a;
    if (a.start - near > lastEnd) return total === 0 ? a : moveBy(a, total);
    const at = mapSpan(a, sorted)!;
    return at.start === a.start ? a : { ...a, start: at.start, end: at.end };
  };
  const isAway = (a: Span) => a.end + near < firstStart || a.start - near > lastEnd || untouched(a);
  const place = (a: SidecarAnnotation | Rejection): Span | null => {
    const mapped = mapSpan(a, sorted);
    // text typed just before a span that starts with a combining mark (only possible at the very start) takes the mark
    if (mapped && !isBlank(mapped)) return snapToGraphemes(newText, mapped);
    const found = anchor(newText, a);
    return found && !isBlank(found) ? { start: found.start, end: found.end } : null;
  };

  const annotations: SidecarAnnotation[] = [];
  const orphans: Orphan[] = [...s.orphans];
  // an entity's aliases are its mentions' name forms (orphans included): only a mention of an entity that went, or
  // whose name form changed, can change them
  let formsChanged = false;
  const mine = new Uint8Array(s.annotations.length);
  for (let i = 0; i < s.annotations.length; i++) {
    const a = s.annotations[i];
    // each field read once: annotations come in many shapes (optional fields), so every access is a slow lookup
    const start = a.start;
    const end = a.end;
    const after = start - near > lastEnd;
    if (after && total !== 0) {
      if (owned?.[i] === 1) {
        a.start = start + total;
        a.end = end + total;
        mine[annotations.length] = 1;
        annotations.push(a);
      } else {
        mine[annotations.length] = 1;
        annotations.push(moveBy(a, total));
      }
      continue;
    }
    if (after || end + near < firstStart) {
      // stays where it is: ours only if it was
      mine[annotations.length] = owned?.[i] === 1 ? 1 : 0;
      annotations.push(a);
      continue;
    }
    if (untouched(a)) {
      const out = shifted(a);
      mine[annotations.length] = out !== a || owned?.[i] === 1 ? 1 : 0;
      annotations.push(out);
      continue;
    }
    const at = place(a);
    if (at) {
      const moved = makeAnnotation(newText, at, a);
      mine[annotations.length] = 1;
      annotations.push(moved);
      if (a.entity !== undefined && (moved.entity !== a.entity || spacedName(moved.text) !== spacedName(a.text))) formsChanged = true;
    } else if (a.source === 'manual' || a.note !== undefined) orphans.push({ ...a, source: 'manual', orphanedAt: now });
    else if (a.entity !== undefined) formsChanged = true;
  }
  const rejections: Rejection[] = s.rejections.flatMap(r => {
    if (isAway(r)) return [shifted(r)];
    const at = place(r);
    return at ? [{ type: r.type, start: at.start, end: at.end, text: newText.slice(at.start, at.end), ...quoteContext(newText, at) }] : [];
  });
  const sidecar: Sidecar = {
    ...s,
    document: { ...s.document, length: newText.length },
    entities: formsChanged ? tidyEntities(s.entities, annotations, orphans) : s.entities,
    annotations,
    rejections,
    orphans,
  };
  return { sidecar, owned: mine };
}
