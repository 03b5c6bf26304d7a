// Date detection and resolution.
// FIRST VERSION (foundation): compromise-dates per paragraph. The analysis issue replaces it.
import { nlp } from '../nlp';
import type { DatePrecision, Span } from '../types';

/** What a date expression means, independent of the reference date, so it can be cached per paragraph. */
export interface DateExpression {
  /** The matched words, as compromise-dates is asked to resolve them later. */
  phrase: string;
}

export interface DateCandidate extends Span {
  expr: DateExpression;
}

export interface ResolvedDate {
  value: string | null;
  precision: DatePrecision | null;
}

interface DateJson { offset: { start: number; length: number }; text: string }

/** Finds date expressions in one paragraph (offsets relative to `text`), without resolving them. */
export function findDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const m of nlp(text).dates().json({ offset: true }) as DateJson[]) {
    let start = m.offset.start;
    let end = start + m.offset.length;
    while (end > start && /[\s.,;:!?"')]/.test(text[end - 1])) end--;
    const lead = /^(on|in|at|by|since|until|from)\s+/i.exec(text.slice(start, end));
    if (lead) start += lead[0].length;
    if (end > start) out.push({ start, end, expr: { phrase: text.slice(start, end) } });
  }
  return out;
}

/** Resolves a date expression against the reference date (YYYY-MM-DD), or null when there is none. */
export function resolveDate(expr: DateExpression, referenceDate: string | null): ResolvedDate {
  if (!referenceDate) return { value: null, precision: null };
  try {
    const [d] = nlp(expr.phrase).dates({ today: referenceDate }).json() as { dates?: { start?: string; unit?: string } }[];
    const start = d?.dates?.start;
    if (!start) return { value: null, precision: null };
    const unit = d.dates?.unit;
    if (unit === 'year') return { value: start.slice(0, 4), precision: 'year' };
    if (unit === 'month') return { value: start.slice(0, 7), precision: 'month' };
    return { value: start.slice(0, 10), precision: 'day' };
  } catch {
    return { value: null, precision: null };
  }
}

/** Finds the article's own date (a dateline near the top), as YYYY-MM-DD, or null. */
export function detectReferenceDate(text: string): string | null {
  const head = text.slice(0, 600);
  const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})\b/.exec(head);
  if (!m) return null;
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].indexOf(m[1]) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}
