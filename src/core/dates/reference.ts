// Finds the article's own date (its dateline) near the top of the text. Never falls back to today's clock.
import { isValidDay } from './calendar';
import { findDates } from './detect';
import { resolveDate } from './resolve';

/** How far into the article a dateline is looked for. */
const HEAD_LENGTH = 1500;
/** A dateline line carries little besides the date ("Published: Thursday 5 November 2015 12:34 GMT"). */
const MAX_OTHER_WORDS = 6;

// The head rarely changes while an article is edited: remember the answer for the last few heads (bounded).
const memo = new Map<string, string | null>();
const MEMO_MAX = 32;

/** Finds the article's own date (a dateline near the top), as YYYY-MM-DD, or null. Looks only at the head. */
export function detectReferenceDate(text: string): string | null {
  const head = text.slice(0, HEAD_LENGTH);
  let found = memo.get(head);
  if (found === undefined) {
    found = fromHead(head);
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
    memo.set(head, found);
  }
  return found;
}

function fromHead(head: string): string | null {
  for (const line of head.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    for (const d of findDates(line)) {
      const e = d.expr;
      if (e.kind !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) continue;
      const { value } = resolveDate(e, null);
      if (!value) continue;
      const iso = value.slice(0, 10);
      // A line that is little more than the date, or that opens with it ("Nov. 5, 2015 - The government ..."), is a
      // dateline; a full date inside a sentence (a birth date, an anniversary) is not the article's own date.
      const rest = (line.slice(0, d.start) + line.slice(d.end)).replace(/[\W\d_]+/g, ' ').trim().split(' ').filter(Boolean);
      if (rest.length <= MAX_OTHER_WORDS || !/\w/.test(line.slice(0, d.start))) return iso;
    }
  }
  return urlDate(head);
}

/** A date in an article URL: ".../2015/11/05/..." (a day that does not exist, ".../2015/02/31/", is not one). */
function urlDate(head: string): string | null {
  for (const m of head.matchAll(/\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//g)) {
    if (isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return null;
}
