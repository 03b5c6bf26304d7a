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

/**
 * A match's context for its rule: the tense around it and whether the paragraph is quarterly, each computed on
 * first need. A class rather than closures made per match: no function objects built in the hot loop.
 */
class MatchContext implements Context {
  private tenseFound: Tense | undefined;
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly paragraph: ParagraphFlags,
  ) {}
  tense(): Tense {
    return (this.tenseFound ??= tenseAround(this.text, this.start, this.end));
  }
  quarterly(): boolean {
    return (this.paragraph.quarterly ??= QUARTERLY.test(this.text));
  }
}

interface ParagraphFlags {
  quarterly: boolean | undefined;
}

/** Finds date expressions in one paragraph (offsets relative to `text`), without resolving them. */
export function findDates(text: string): DateCandidate[] {
  const found: DateCandidate[] = [];
  // a rule runs only where its guard's words are (guards.ts)
  const held = heldGuards(text);
  const paragraph: ParagraphFlags = { quarterly: undefined };
  // the tables read once per paragraph (an imported binding may be a getter: tsx, which the bench runs under)
  const rules = RULES;
  const guardOf = GUARD_OF;
  try {
    for (let r = 0; r < rules.length; r++) {
      if (!held[guardOf[r]]) continue;
      const rule = rules[r];
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        const expr = rule.make(m, new MatchContext(text, start, end, paragraph));
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

// What may stand between a clock time and its day, either way round.
const TIME_THEN_DAY = /^,?\s+(?:on\s+)?$/i;
const DAY_THEN_TIME = /^,?\s+(?:at\s+)?$/i;

/** A clock time next to a day ("3:30 p.m. on Wednesday", "Wednesday at 3:30 p.m.") is on that day, not on the
 *  reference day; the spans stay apart as TimeML has them. */
function anchorTimes(text: string, dates: DateCandidate[]): DateCandidate[] {
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    const gap = text.slice(a.end, b.start);
    if (a.expr.kind === 'time' && TIME_THEN_DAY.test(gap)) a.expr = withTime(b.expr, a.expr.time) ?? a.expr;
    else if (b.expr.kind === 'time' && DAY_THEN_TIME.test(gap)) b.expr = withTime(a.expr, b.expr.time) ?? b.expr;
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
  // most paragraphs hold no date or one: nothing to choose between
  if (found.length < 2) return found;
  // indices rather than an object per candidate, and the chosen spans rather than a set of every character they
  // cover: a candidate is free when it overlaps none of them (an empty one always is, as no character of it is taken)
  const order = found.map((_, i) => i);
  order.sort((a, b) => found[b].end - found[b].start - (found[a].end - found[a].start) || found[a].start - found[b].start || a - b);
  const chosen: DateCandidate[] = [];
  for (const i of order) {
    const c = found[i];
    let free = true;
    for (let k = 0; k < chosen.length && free && c.start < c.end; k++) {
      const x = chosen[k];
      free = !(x.start < x.end && x.start < c.end && c.start < x.end);
    }
    if (free) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
