// Rule-based date detection over one paragraph: every rule (rules.ts) runs over the text, then the longest
// leftmost matches win. Regexes and bounded context windows keep the cost linear in the paragraph's length.
import type { DateExpression, Tense, TimeOfDay } from './expression';
import { GUARD_OF, heldGuards } from './guards';
import { QUARTERLY, RULES, type Context } from './rules';
import { tenseAround } from './tense';
import type { Span } from '../types';

export interface DateCandidate extends Span {
  expr: DateExpression;
}

/** Finds date expressions in one paragraph (offsets relative to `text`), without resolving them. */
export function findDates(text: string): DateCandidate[] {
  const found: DateCandidate[] = [];
  // a rule runs only where its guard's words are (guards.ts)
  const held = heldGuards(text);
  let quarterly: boolean | undefined;
  const isQuarterly = () => (quarterly ??= QUARTERLY.test(text));
  try {
    for (let r = 0; r < RULES.length; r++) {
      if (!held[GUARD_OF[r]]) continue;
      const rule = RULES[r];
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        let tense: Tense | undefined;
        const ctx: Context = { text, start, end, tense: () => (tense ??= tenseAround(text, start, end)), quarterly: isQuarterly };
        const expr = rule.make(m, ctx);
        if (expr) found.push({ start, end, expr });
        // a rejected long match ("a third-quarter") must not hide a shorter one inside it ("third-quarter")
        else rule.re.lastIndex = start + 1;
      }
    }
  } catch {
    // A rule bug must never take the whole analysis down; what was found so far still stands.
  }
  return anchorTimes(text, pickLongest(found));
}

/** A clock time next to a day ("3:30 p.m. on Wednesday", "Wednesday at 3:30 p.m.") is on that day, not on the
 *  reference day; the spans stay apart as TimeML has them. */
function anchorTimes(text: string, dates: DateCandidate[]): DateCandidate[] {
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    const gap = text.slice(a.end, b.start);
    if (a.expr.kind === 'time' && /^,?\s+(?:on\s+)?$/i.test(gap)) a.expr = withTime(b.expr, a.expr.time) ?? a.expr;
    else if (b.expr.kind === 'time' && /^,?\s+(?:at\s+)?$/i.test(gap)) b.expr = withTime(a.expr, b.expr.time) ?? b.expr;
  }
  return dates;
}

function withTime(day: DateExpression, time: TimeOfDay): DateExpression | null {
  if (day.kind === 'weekday' && !day.time) return { ...day, time };
  if (day.kind === 'calendar' && day.day !== undefined && !day.time) return { ...day, time };
  if (day.kind === 'relative' && day.unit === 'day' && !day.time) return { ...day, time };
  return null;
}

/** Longest leftmost non-overlapping matches; on equal spans the earlier rule wins. */
function pickLongest(found: DateCandidate[]): DateCandidate[] {
  const order = found.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.c.start - b.c.start || a.i - b.i);
  const chosen: DateCandidate[] = [];
  const taken = new Set<number>();
  for (const { c } of order) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = !taken.has(i);
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken.add(i);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
