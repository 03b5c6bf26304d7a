// Questions the editor features ask about an article's annotations.
import type { Annotation, AnnotationType, Entity } from '../core';
import type { ArticleView } from './articles';

/** The annotation covering `offset` (an offset at its end counts, as the cursor sits there after typing it). */
export function annotationAt(view: ArticleView, offset: number): Annotation | undefined {
  // a span that contains the offset wins over one that merely ends there
  return view.annotations.find(a => a.start <= offset && offset < a.end) ?? view.annotations.find(a => a.end === offset);
}

/** Mentions of the same thing: the same entity, or for dates the same resolved value (else the same text). */
export function sameAs(view: ArticleView, a: Annotation): Annotation[] {
  if (a.entity) return view.annotations.filter(x => x.entity === a.entity);
  if (a.type === 'date') {
    return view.annotations.filter(x => x.type === 'date' && (a.value ? x.value === a.value : !x.value && x.text === a.text));
  }
  return [a];
}

export function entityOf(view: ArticleView, a: Annotation): Entity | undefined {
  return a.entity ? view.entities.find(e => e.id === a.entity) : undefined;
}

export const TYPE_LABEL: Record<AnnotationType, string> = { person: 'Person', place: 'Place', organization: 'Organization', date: 'Date' };
export const TYPE_PLURAL: Record<AnnotationType, string> = { person: 'People', place: 'Places', organization: 'Organizations', date: 'Dates' };

/** The sentence around a span, on one line, at most `max` characters. */
export function sentenceAround(text: string, start: number, end: number, max = 300): string {
  const boundary = /[.!?]["'’”)\]]*\s|\n|\r/g;
  let s = 0;
  for (let m = boundary.exec(text); m && m.index + m[0].length <= start; m = boundary.exec(text)) s = m.index + m[0].length;
  boundary.lastIndex = end;
  const m = boundary.exec(text);
  const e = m ? m.index + m[0].trimEnd().length : text.length;
  let out = text.slice(s, e).replace(/\s+/g, ' ').trim();
  if (out.length > max) out = out.slice(0, max - 1) + '…';
  return out;
}

/** The precision a TIMEX3-style value carries. */
export function datePrecision(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'time';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{3}$/.test(value)) return 'decade';
  if (/^\d{2}$/.test(value)) return 'century';
  if (/_REF$/.test(value)) return 'reference (present, past or future)';
  return undefined;
}
