// Whether a stored annotation is already what makeAnnotation would build: reconcile runs after every pause in typing
// over every mention of the article (some 40,000 in a 1.5 MB one), and building each again (its text, its context,
// a new object) was most of its cost and most of the garbage. An annotation the analysis finds again on the same
// span, with the same fields and context, is kept as it is, so the result is the one a rebuild gives.
import { CONTEXT_LENGTH } from '../anchor';
import { isHighSurrogate, isLowSurrogate } from '../segment';
import type { Annotation, Span } from '../types';
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

/**
 * Whether makeAnnotation(text, a, { id: p.id, type: a.type, source: 'auto', entity, value: a.value, precision:
 * a.precision, reviewed }), reconcile's auto annotation for the fresh `a`, would equal the stored `p`, the previous
 * auto annotation keepAnnotationIds matched with `a` (same span, type and text). Each field read once, and only
 * those the match leaves open: stored annotations come in many shapes, so every read is a slow lookup.
 */
export function sameAuto(text: string, p: SidecarAnnotation, a: Annotation, entity: string | undefined, reviewed: boolean): boolean {
  const type = a.type;
  if (p.note !== undefined || p.valueFixed !== undefined) return false;
  if (p.entity !== (entity !== undefined && isEntityType(type) ? entity : undefined)) return false;
  if (type === 'date') {
    const value = a.value ?? null;
    if (p.value !== value || p.precision !== (value !== null ? a.precision : undefined)) return false;
  } else if (p.value !== undefined || p.precision !== undefined) return false;
  if (reviewed ? p.reviewed !== true : p.reviewed !== undefined) return false;
  return quotesText(text, p);
}
