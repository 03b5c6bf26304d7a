// Whether a stored annotation is already what makeAnnotation would build: reconcile runs after every pause in typing
// over every mention of the article (some 40,000 in a 1.5 MB one), and building each again (its text, its context,
// a new object) was most of its cost and most of the garbage. An annotation the analysis finds again on the same
// span, with the same fields and context, is kept as it is, so the result is the one a rebuild gives.
import { CONTEXT_LENGTH } from '../anchor';
import { isHighSurrogate, isLowSurrogate } from '../segment';
import type { Span } from '../types';
import { isEntityType } from './model';
import type { SidecarAnnotation } from './types';

/** `p`'s text and context are `text`'s at its span (as quoteContext cuts them), compared in place: no string built. */
export function quotesText(text: string, p: Span & { text: string; prefix: string; suffix: string }): boolean {
  const { start, end } = p;
  if (end > text.length || end - start !== p.text.length || !text.startsWith(p.text, start)) return false;
  let ps = Math.max(0, start - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps++;
  let se = Math.min(text.length, end + CONTEXT_LENGTH);
  if (se < text.length && isHighSurrogate(text.charCodeAt(se - 1))) se--;
  return p.prefix.length === start - ps && p.suffix.length === se - end && text.startsWith(p.prefix, ps) && text.startsWith(p.suffix, end);
}

/** The fields reconcile gives a fresh auto annotation (see makeAnnotation). */
export interface AutoFields {
  id: string;
  type: SidecarAnnotation['type'];
  entity: string | undefined;
  value: string | null | undefined;
  precision: SidecarAnnotation['precision'];
  reviewed: boolean;
}

/** Whether makeAnnotation(text, p, { ...f, source: 'auto' }) would give an annotation equal to `p` (same span assumed). */
export function sameAuto(text: string, p: SidecarAnnotation, f: AutoFields): boolean {
  if (p.source !== 'auto' || p.id !== f.id || p.type !== f.type || p.note !== undefined || p.valueFixed !== undefined) return false;
  if (p.entity !== (f.entity !== undefined && isEntityType(f.type) ? f.entity : undefined)) return false;
  if (f.type === 'date') {
    const value = f.value ?? null;
    if (p.value !== value || p.precision !== (value !== null ? f.precision : undefined)) return false;
  } else if (p.value !== undefined || p.precision !== undefined) return false;
  if (f.reviewed ? p.reviewed !== true : p.reviewed !== undefined) return false;
  return quotesText(text, p);
}
