// Questions the editor features ask about an article's annotations, and about its text around them.
import type { Annotation, Entity, Span } from '../types';
import type { ArticleSnapshot } from './snapshot';
import { shorten } from './shorten';

/** The annotation covering `offset` (an offset at its end counts, as the cursor sits there after typing it). */
export function annotationAt(article: ArticleSnapshot, offset: number): Annotation | undefined {
  // a span that contains the offset wins over one that merely ends there
  return article.annotations.find(a => a.start <= offset && offset < a.end) ?? article.annotations.find(a => a.end === offset);
}

/** Mentions of the same thing: the same entity, or for dates the same resolved value (else the same text). */
export function sameAs(article: ArticleSnapshot, a: Annotation): Annotation[] {
  if (a.entity) return article.annotations.filter(x => x.entity === a.entity);
  if (a.type === 'date') {
    return article.annotations.filter(x => x.type === 'date' && (a.value ? x.value === a.value : !x.value && x.text === a.text));
  }
  return [a];
}

export function entityOf(article: ArticleSnapshot, a: Annotation): Entity | undefined {
  return a.entity ? article.entities.find(e => e.id === a.entity) : undefined;
}

/** What ends a sentence: a full stop, question or exclamation mark (closing quotes or brackets after it) and a space, or a line break. */
const sentenceBoundary = () => /[.!?]["'’”)\]]*\s|\n|\r/g;

/** Where the sentence around a span starts and ends (a line break also ends one). */
export function sentenceBounds(text: string, start: number, end: number): Span {
  const boundary = sentenceBoundary();
  let s = 0;
  for (let m = boundary.exec(text); m && m.index + m[0].length <= start; m = boundary.exec(text)) s = m.index + m[0].length;
  boundary.lastIndex = end;
  const m = boundary.exec(text);
  return { start: s, end: m ? m.index + m[0].trimEnd().length : text.length };
}

/** The sentence around a span, on one line, at most `max` characters. */
export function sentenceAround(text: string, start: number, end: number, max = 300): string {
  const { start: s, end: e } = sentenceBounds(text, start, end);
  return shorten(text.slice(s, e).replace(/\s+/g, ' ').trim(), max);
}

/** The zero-based line of `offset`, counting `\r\n`, `\r` and `\n` as line ends, as VS Code's documents do. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++; // a lone \r; \r\n counts at its \n
  }
  return line;
}

/** Where every sentence of `text` starts, ascending (0 first), cut as sentenceBounds cuts them. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const boundary = sentenceBoundary();
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}
