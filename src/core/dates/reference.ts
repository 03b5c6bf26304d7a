// Finds the article's own date (its publication date) near the top of the text. Never falls back to today's clock.
//
// Sources, strongest first (the first one present wins):
//   1. front matter: `date:`, `published:`, `pubDate:` ... in a leading `---` (YAML) or `+++` (TOML) block;
//   2. a publication stamp: "Published: 3 March 2025", "Posted on 03/15/2025", "By Jane Doe | Published 2025-03-03";
//   3. a wire dateline with its year: "WASHINGTON, March 3, 2025 (Reuters) -", "NEW YORK, March 3, 2025 /PRNewswire/ --",
//      "TORONTO, March 03, 2025 (GLOBE NEWSWIRE) --", "SAN FRANCISCO--(BUSINESS WIRE)--March 3, 2025--";
//   4. a wire dateline without a year ("WASHINGTON, March 3 (Reuters) -"): its year comes only from a full date the
//      article prints elsewhere (sources 5-9, the year that puts the dateline nearest to it) or a copyright notice;
//      with none, the reference date stays unknown: the year is never guessed and the later sources are not used
//      for the day either, since the dateline already says the day and it differs from theirs;
//   5. a byline carrying a date ("By Jane Doe, AP | March 3, 2025 10:42 AM");
//   6. a line that is little more than a date, or that opens with one (AP's "March 3, 2025" stamp line,
//      "Nov. 5, 2015 - The government said ...");
//   7. front matter `updated:` / `lastmod:` / `modified:`;  8. an "Updated"/"Modified" stamp (a later day than the
//      publication, so only when nothing better is there);  9. a date in the article's URL (".../2025/03/03/...").
// A date inside a sentence of the body (a birth date, an anniversary) is never the article's date.
import { isValidDay } from './calendar';
import { fullDatesIn, monthDayIn, nearestYear, type MonthDay } from './stamps';

/** How far into the article a dateline is looked for. */
const HEAD_LENGTH = 1500;
/** How much of the end is read for a copyright notice (the year of a yearless dateline). */
const TAIL_LENGTH = 400;
/** A dateline line carries little besides the date ("Published: Thursday 5 November 2015 12:34 GMT"). */
const MAX_OTHER_WORDS = 6;
/** Wire datelines are on one of the first lines (after a headline, a byline, a stamp). */
const DATELINE_LINES = 8;

// The head rarely changes while an article is edited: remember the answer for the last few heads (bounded).
const memo = new Map<string, string | null>();
const MEMO_MAX = 32;

/** Finds the article's own date (see the sources above), as YYYY-MM-DD, or null. Looks only at the head and tail. */
export function detectReferenceDate(text: string): string | null {
  const head = text.slice(0, HEAD_LENGTH);
  const tail = text.length > HEAD_LENGTH ? text.slice(Math.max(HEAD_LENGTH, text.length - TAIL_LENGTH)) : '';
  const key = `${head}\u0000${tail}`;
  let found = memo.get(key);
  if (found === undefined) {
    found = fromHead(head, tail);
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
    memo.set(key, found);
  }
  return found;
}

// Front matter keys: the publication date, then the last change.
const FM_PUBLISHED =
  /^(?:date|published|pubdate|pub_date|publishdate|publish_date|published_at|publishedat|date_?published|created|created_at|createdat|date_?created)$/i;
const FM_UPDATED = /^(?:updated|updated_at|updatedat|lastmod|last_?modified|modified|date_?modified)$/i;
// A stamp keyword opens the line or follows a separator ("By Jane Doe | Published: ..."), never inside a sentence.
const STAMP =
  /(?:^|[|\u2022\u00b7\u2014\u2013]\s*|\s{2,})(?:(?<pub>(?:first\s+)?(?:published|posted|date[d]?))|(?<upd>(?:last\s+)?(?:updated|modified|edited)))\b\s*(?:on\b|at\b)?\s*:?/gi;
// The agency marks of wire datelines: "(Reuters)", "(AP)", "(AFP)", "/PRNewswire/", "/PRNewswire-USNewswire/",
// "(GLOBE NEWSWIRE)", "--(BUSINESS WIRE)--".
const AGENCY =
  /\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg|Kyodo|Yonhap|PTI|IANS|EFE|ANSA|GLOBE\s+NEWSWIRE|BUSINESS\s+WIRE|ACCESSWIRE|Marketwired)\)|\/(?:PRNewswire|PRWeb|CNW)(?:-[A-Za-z]+)*\//;
const BYLINE = /^\W*By\s+\p{Lu}/u;
const COPYRIGHT = /(?:\u00a9|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-\u2013]\s*)?((?:19|20)\d\d)\b/i;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

interface Sources {
  frontPublished?: string;
  frontUpdated?: string;
  published?: string;
  updated?: string;
  dateline?: string;
  yearless?: MonthDay;
  byline?: string;
  line?: string;
  url?: string;
}

function fromHead(head: string, tail: string): string | null {
  const s: Sources = {};
  const { lines, bodyStart } = frontMatter(head, s);
  let nonBlank = 0;
  for (const line of lines.slice(bodyStart)) {
    if (!line.trim()) continue;
    nonBlank++;
    if (stampIn(line, s)) continue;
    if (nonBlank <= DATELINE_LINES && s.dateline === undefined && s.yearless === undefined && datelineIn(line, s)) continue;
    if (BYLINE.test(line)) {
      s.byline ??= fullDatesIn(line)[0]?.iso;
      continue;
    }
    s.line ??= lineDate(line);
  }
  s.url = urlDate(head);
  if (s.frontPublished) return s.frontPublished;
  if (s.published) return s.published;
  if (s.dateline) return s.dateline;
  const later = s.byline ?? s.line ?? s.frontUpdated ?? s.updated ?? s.url;
  if (s.yearless) {
    if (later) return nearestYear(s.yearless, later);
    const year = COPYRIGHT.exec(tail)?.[1] ?? COPYRIGHT.exec(head)?.[1];
    return year ? nearestYear(s.yearless, `${year}-${String(s.yearless.month).padStart(2, '0')}-${String(s.yearless.day).padStart(2, '0')}`) : null;
  }
  return later ?? null;
}

/** Reads a leading front matter block into `s`; returns the head's lines and the first line after the block. */
function frontMatter(head: string, s: Sources): { lines: string[]; bodyStart: number } {
  const lines = head.replace(/^\uFEFF/, '').split(LINE_BREAK);
  const fence = lines[0]?.trim();
  if (fence !== '---' && fence !== '+++') return { lines, bodyStart: 0 };
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === fence);
  if (close < 0) return { lines, bodyStart: 0 };
  for (const l of lines.slice(1, close)) {
    const kv = /^\s*([A-Za-z_]+)\s*[:=]\s*(.+)$/.exec(l);
    if (!kv) continue;
    const iso = fullDatesIn(kv[2].replace(/["']/g, ' '))[0]?.iso;
    if (!iso) continue;
    if (FM_PUBLISHED.test(kv[1])) s.frontPublished ??= iso;
    else if (FM_UPDATED.test(kv[1])) s.frontUpdated ??= iso;
  }
  return { lines, bodyStart: close + 1 };
}

/** A "Published"/"Updated" stamp on the line: records its date, says whether the line was one. */
function stampIn(line: string, s: Sources): boolean {
  let found = false;
  STAMP.lastIndex = 0;
  for (let m = STAMP.exec(line); m; m = STAMP.exec(line)) {
    // the date follows the keyword closely ("Updated 10:42 AM EST, Mon March 3, 2025")
    const date = fullDatesIn(line.slice(m.index + m[0].length, m.index + m[0].length + 60))[0];
    if (!date) continue;
    found = true;
    if (m.groups?.pub) s.published ??= date.iso;
    else s.updated ??= date.iso;
  }
  return found;
}

/** A wire dateline ("PLACE, Month D[, YYYY] (Agency) -"): records its date or month-day, says whether it was one. */
function datelineIn(line: string, s: Sources): boolean {
  const agency = AGENCY.exec(line.slice(0, 160));
  if (!agency) return false;
  const before = line.slice(0, agency.index);
  // Business Wire writes the date after the agency: "SAN FRANCISCO--(BUSINESS WIRE)--March 3, 2025--"
  const after = /^\s*-{1,2}\s*([^-]{0,40})/.exec(line.slice(agency.index + agency[0].length))?.[1] ?? '';
  const full = fullDatesIn(before)[0] ?? fullDatesIn(after).find(d => d.start === 0);
  if (full) s.dateline = full.iso;
  else {
    const md = monthDayIn(before);
    if (md) s.yearless = md;
  }
  return true;
}

/** A line that is little more than a full date, or that opens with one. */
function lineDate(line: string): string | undefined {
  for (const d of fullDatesIn(line)) {
    // A line that is little more than the date, or that opens with it ("Nov. 5, 2015 - The government ..."), is a
    // dateline; a full date inside a sentence (a birth date, an anniversary) is not the article's own date.
    const rest = (line.slice(0, d.start) + line.slice(d.end))
      .replace(/[\W\d_]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
    if (rest.length <= MAX_OTHER_WORDS || !/\w/.test(line.slice(0, d.start))) return d.iso;
  }
  return undefined;
}

/** A date in an article URL: ".../2015/11/05/..." (a day that does not exist, ".../2015/02/31/", is not one). */
function urlDate(head: string): string | undefined {
  for (const m of head.matchAll(/\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//g)) {
    if (isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}
