// Small pieces the analysis assembles its result from: span order, the auto date annotation, the reference date,
// annotation ids and entity aliases.
import { detectReferenceDate, isIsoDay, type ResolvedDate } from './dates';
import { mergeSorted } from './sorted';
import type { Annotation, Entity, ReferenceDate, Span } from './types';

export const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/** Whether `snapToGraphemes` could move the span: only characters from U+0300 up extend a cluster or pair. */
export const mayExtend = (text: string, start: number, end: number) => text.charCodeAt(start) >= 0x300 || (end < text.length && text.charCodeAt(end) >= 0x300);

/** Two lists sorted by (start, end) merged stably (`a` first on ties). */
export function merge<T extends Span>(a: T[], b: T[]): T[] {
  return b.length === 0 ? a : mergeSorted(a, b, byStart);
}

const ids: string[] = [];
export const annotationId = (i: number) => (i < ids.length ? ids[i] : annotationIds(i + 1)[i]);
/**
 * The ids of the first `n` annotations (`a1`, `a2`...): one list for every result, grown as needed (in order: no holes).
 * A copy loop reads its ids here rather than calling annotationId per annotation.
 */
export function annotationIds(n: number): readonly string[] {
  for (let i = ids.length; i < n; i++) ids.push(`a${i + 1}`);
  return ids;
}

/** An auto date annotation; the precision comes with the value and is absent when the date is unresolved. */
export function dateAnnotation(start: number, end: number, text: string, { value, precision }: ResolvedDate): Annotation {
  // made whole (not a precision added after): an object given a field later changes shape, several times slower to make
  if (value !== null && precision !== null) return { id: '', type: 'date', start, end, text, source: 'auto', value, precision };
  return { id: '', type: 'date', start, end, text, source: 'auto', value };
}

/** The article's text of [start, end): the mention's surface itself when the article writes it so (no copy made). */
export function textOf(article: string, start: number, end: number, surface: string): string {
  return surface.length === end - start && article.startsWith(surface, start) ? surface : article.slice(start, end);
}

export function chooseReferenceDate(text: string, given: string | null | undefined): ReferenceDate | null {
  if (given) {
    // refused as Set Reference Date and the CLI refuse it: a day that does not exist (2015-02-30) is no date
    if (!isIsoDay(given)) throw new Error(`Reference date "${given}" is not a real day written YYYY-MM-DD (e.g. 2015-11-24).`);
    return { value: given, source: 'user' };
  }
  const detected = detectReferenceDate(text);
  return detected ? { value: detected, source: 'detected' } : null;
}

/** Adds `alias` to the aliases of entity `id` (kept sorted) when it is not there yet. */
export function addAlias(entityById: ReadonlyMap<string, Entity>, id: string | undefined, alias: string): void {
  const e = id === undefined ? undefined : entityById.get(id);
  if (!e || e.aliases.includes(alias)) return;
  e.aliases.push(alias);
  e.aliases.sort();
}
