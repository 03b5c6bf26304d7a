// Scores date annotations on TimeBank + AQUAINT (TBAQ-cleaned) as ../shared/data/README.md prescribes: the text is
// <TEXT> with its tags stripped, the DCT is the reference date, and our annotations (the real pipeline:
// Analyzer.analyze with types ['date']) are compared with TIMEX3 of type DATE, and TIME apart. Side by side with raw
// compromise-dates (nlp(text).dates({today: dct}), each match resolved on its own so one failing match does not
// sink the document; spans trimmed of punctuation and a leading preposition) on the same text in the same run.
//
// Each prediction is scored in the TIME table when it overlaps a gold TIME and no gold DATE, else in the DATE
// table (so a tagged duration or a spurious match counts against DATE precision).
// Then a per-category breakdown of ours (issue 15: extent modifiers, year ranges, anaphoric phrases, durations vs
// dates, weekday and month direction), the category read from the text of each gold expression.
// Usage: npx tsx scripts/eval/timeml.ts [dataDir]   (dataDir holds timeml/; default ../shared/data)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Analyzer } from '../../src/core/analyze';
import { findDates, resolveDate } from '../../src/core/dates';
import base from 'compromise';
import datesPlugin, { type DatesMethods } from 'compromise-dates';

export interface TimexGold {
  start: number;
  end: number;
  type: string;
  value: string;
}
export interface TimemlDoc {
  id: string;
  text: string;
  dct: string;
  timexes: TimexGold[];
}
interface Pred {
  start: number;
  end: number;
  value: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

/** Strips the tags inside <TEXT> (decoding entities) and keeps each TIMEX3's offsets in the stripped text. */
export function parseTimeml(id: string, xml: string): TimemlDoc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attr(dctTag, 'value').slice(0, 10);
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  const body = open >= 0 ? xml.slice(open + 6, close >= 0 ? close : undefined) : '';
  let text = '';
  const timexes: TimexGold[] = [];
  const stack: { tag: string; start: number }[] = [];
  for (let i = 0; i < body.length;) {
    const c = body[i];
    if (c === '<') {
      const end = body.indexOf('>', i);
      const tag = body.slice(i, end + 1);
      i = end + 1;
      if (/^<TIMEX3\b/.test(tag) && !tag.endsWith('/>')) stack.push({ tag, start: text.length });
      else if (tag === '</TIMEX3>') {
        const o = stack.pop();
        if (o) timexes.push({ start: o.start, end: text.length, type: attr(o.tag, 'type'), value: attr(o.tag, 'value') });
      }
      continue;
    }
    if (c === '&') {
      const m = /^&(#\d+|[a-z]+);/.exec(body.slice(i, i + 10));
      if (m) {
        text += m[1][0] === '#' ? String.fromCharCode(Number(m[1].slice(1))) : (ENTITIES[m[1]] ?? m[0]);
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  return { id, text, dct, timexes };
}

export function readTimeml(dataDir: string): TimemlDoc[] {
  const root = join(dataDir, 'timeml', 'TBAQ-cleaned');
  const docs: TimemlDoc[] = [];
  for (const corpus of ['TimeBank', 'AQUAINT']) {
    const dir = join(root, corpus);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)
      .filter(n => n.endsWith('.tml'))
      .sort())
      docs.push(parseTimeml(f, readFileSync(join(dir, f), 'utf8')));
  }
  return docs;
}

// ---- the two systems ----

// The baseline only: the product's core no longer uses compromise-dates. Registered on first use, because the plugin
// is global to compromise and would otherwise change the raw-compromise baseline of the CoNLL evaluation.
type DatesNlp = (text: string) => ReturnType<typeof base> & DatesMethods;
let datesNlp: DatesNlp | undefined;
function nlp(text: string) {
  if (!datesNlp) {
    base.plugin(datesPlugin);
    datesNlp = base as unknown as DatesNlp;
  }
  return datesNlp(text);
}

function ours(analyzer: Analyzer, doc: TimemlDoc): Pred[] {
  return analyzer.analyze(doc.text, { referenceDate: doc.dct, types: ['date'] }).annotations.map(a => ({ start: a.start, end: a.end, value: a.value ?? null }));
}

interface CompromiseDate {
  start?: string | null;
  unit?: string;
}

/** TIMEX3-style value of one compromise-dates result, as the foundation's first version mapped it. */
function compromiseValue(d: CompromiseDate | undefined): string | null {
  const start = d?.start;
  if (!start) return null;
  if (d.unit === 'year') return start.slice(0, 4);
  if (d.unit === 'month') return start.slice(0, 7);
  if (d.unit === 'quarter') return `${start.slice(0, 4)}-Q${Math.ceil(Number(start.slice(5, 7)) / 3)}`;
  if (d.unit === 'hour' || d.unit === 'minute' || d.unit === 'time') return start.slice(0, 16);
  return start.slice(0, 10);
}

function compromise(doc: TimemlDoc): Pred[] {
  const out: Pred[] = [];
  // the whole document, as a naive caller would (its documents are short enough not to hit the superlinear cost)
  for (const para of [{ start: 0, text: doc.text }]) {
    let matches;
    try {
      matches = nlp(para.text).dates({ today: doc.dct });
    } catch {
      continue;
    }
    for (let i = 0; i < matches.length; i++) {
      try {
        // match-level offsets overshoot after a leading "(" or quote: build the span from its terms
        const terms = matches.eq(i).terms().json({ offset: true }) as { offset: { start: number; length: number } }[];
        if (!terms.length) continue;
        let start = terms[0].offset.start;
        let end = terms[terms.length - 1].offset.start + terms[terms.length - 1].offset.length;
        while (end > start && /[\s.,;:!?"')\]]/.test(para.text[end - 1])) end--;
        while (start < end && /[\s"'([]/.test(para.text[start])) start++;
        // as the foundation's first version did: TimeML extents leave the preposition out
        const lead = /^(?:on|in|at|by|since|until|from|during|for)\s+/i.exec(para.text.slice(start, end));
        if (lead) start += lead[0].length;
        if (end <= start) continue;
        let value: string | null = null;
        try {
          value = compromiseValue((nlp(para.text.slice(start, end)).dates({ today: doc.dct }).get() as CompromiseDate[])[0]);
        } catch {
          value = null;
        }
        out.push({ start: para.start + start, end: para.start + end, value });
      } catch {
        // one bad match must not sink the document
      }
    }
  }
  return out;
}

/** The paragraphs our pipeline sees (for timing the detector alone). */
function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start, text: line });
    start += line.length + 1;
  }
  return out;
}

/** The date detector and resolver alone, per paragraph, best of three runs (no cache involved). */
function timeDetector(docs: TimemlDoc[]): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    for (const doc of docs) {
      for (const p of paragraphs(doc.text)) for (const d of findDates(p.text)) resolveDate(d.expr, doc.dct);
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

// ---- scoring ----

interface Counts {
  nP: number;
  nG: number;
  strict: number;
  lenP: number;
  lenG: number;
  strictVal: number;
  lenVal: number;
  lenPairs: number;
}
const empty = (): Counts => ({ nP: 0, nG: 0, strict: 0, lenP: 0, lenG: 0, strictVal: 0, lenVal: 0, lenPairs: 0 });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function score(doc: TimemlDoc, preds: Pred[], into: Record<'DATE' | 'TIME', Counts>): void {
  for (const type of ['DATE', 'TIME'] as const) {
    const gold = doc.timexes.filter(t => t.type === type);
    const mine = preds.filter(p => {
      const hits = doc.timexes.filter(t => overlaps(t, p));
      const inTime = hits.some(t => t.type === 'TIME') && !hits.some(t => t.type === 'DATE');
      return type === 'TIME' ? inTime : !inTime;
    });
    const c = into[type];
    c.nP += mine.length;
    c.nG += gold.length;
    for (const p of mine) {
      const exact = gold.find(g => g.start === p.start && g.end === p.end);
      if (exact) {
        c.strict++;
        if (p.value === exact.value) c.strictVal++;
      }
      if (gold.some(g => overlaps(g, p))) c.lenP++;
    }
    for (const g of gold) {
      const p = preds.find(q => overlaps(g, q) && mine.includes(q));
      if (!p) continue;
      c.lenG++;
      c.lenPairs++;
      if (p.value === g.value) c.lenVal++;
    }
  }
}

// ---- per-category breakdown (issue 15's date categories), from the text of the gold expressions ----

const WEEKDAY_OR_MONTH =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;
const CATEGORIES: [string, (text: string, g: TimexGold, doc: TimemlDoc) => boolean][] = [
  [
    'extent modifier',
    t => /^(?:early|late|earlier|later|mid|around|about|approximately|roughly|shortly|sometime|the\s+(?:end|beginning|start|middle)\s+of)\b/i.test(t),
  ],
  [
    'year range',
    (t, g, doc) =>
      /^\d{2}(?:\d{2})?$/.test(t) && (/\d[-\u2013]$/.test(doc.text.slice(g.start - 2, g.start)) || /^[-\u2013]\d/.test(doc.text.slice(g.end, g.end + 2))),
  ],
  [
    'anaphoric',
    t =>
      /^(?:(?:earlier|later)\s+)?(?:that|that\s+same|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+prior|the)\s+(?:day|morning|afternoon|evening|night|week|month|year|time)$|^then$/i.test(
        t,
      ),
  ],
  ['duration vs date', t => /\b(?:ago|earlier|later|before|after|from\s+now|hence)$/i.test(t)],
  ['weekday/month direction', t => WEEKDAY_OR_MONTH.test(t) && !/\d{4}|'\d\d/.test(t)],
];

/** Per category of gold DATE/TIME: how many, how many found with the exact extent, how many of those with the right value;
 *  and how many of our dates sit on a gold DURATION (a duration tagged as a date). */
function breakdown(results: { doc: TimemlDoc; preds: Pred[] }[]): string[] {
  const rows = CATEGORIES.map(([name]) => ({ name, n: 0, exact: 0, value: 0 }));
  let onDuration = 0;
  for (const { doc, preds } of results) {
    for (const g of doc.timexes) {
      if (g.type !== 'DATE' && g.type !== 'TIME') continue;
      const text = doc.text.slice(g.start, g.end);
      const p = preds.find(q => q.start === g.start && q.end === g.end);
      CATEGORIES.forEach(([, test], i) => {
        if (!test(text, g, doc)) return;
        rows[i].n++;
        if (p) rows[i].exact++;
        if (p && p.value === g.value) rows[i].value++;
      });
    }
    for (const p of preds) {
      const hits = doc.timexes.filter(t => overlaps(t, p));
      if (hits.some(t => t.type === 'DURATION') && !hits.some(t => t.type === 'DATE' || t.type === 'TIME')) onDuration++;
    }
  }
  return [
    ...rows.map(
      r =>
        `  ${r.name.padEnd(24)} gold ${String(r.n).padStart(4)}  exact extent ${fmt(r.exact / (r.n || 1))}  value (of exact) ${fmt(r.value / (r.exact || 1))}`,
    ),
    `  ${'dates on a gold DURATION'.padEnd(24)} ${onDuration} (counted against DATE precision)`,
  ];
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => x.toFixed(3);

function row(c: Counts): string[] {
  const p = c.strict / (c.nP || 1);
  const r = c.strict / (c.nG || 1);
  const lp = c.lenP / (c.nP || 1);
  const lr = c.lenG / (c.nG || 1);
  return [fmt(p), fmt(r), fmt(f1(p, r)), fmt(f1(lp, lr)), fmt(c.strictVal / (c.strict || 1)), fmt(c.lenVal / (c.lenPairs || 1)), String(c.nP), String(c.nG)];
}

export function runTimemlEval(dataDir: string): void {
  const docs = readTimeml(dataDir);
  if (!docs.length) {
    console.log(`TimeML: no TBAQ-cleaned documents under ${join(dataDir, 'timeml')}; nothing was scored.`);
    return;
  }
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const us = { DATE: empty(), TIME: empty() };
  const them = { DATE: empty(), TIME: empty() };
  const analyzer = new Analyzer();
  let tUs = 0;
  let tThem = 0;
  const failures: string[] = [];
  const results: { doc: TimemlDoc; preds: Pred[] }[] = [];
  for (const doc of docs) {
    let t0 = performance.now();
    let a: Pred[] = [];
    try {
      a = ours(analyzer, doc);
    } catch (e) {
      // scored as finding nothing, and said loudly below: the pipeline must not throw on any document
      failures.push(`${doc.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
    tUs += performance.now() - t0;
    t0 = performance.now();
    const b = compromise(doc);
    tThem += performance.now() - t0;
    results.push({ doc, preds: a });
    score(doc, a, us);
    score(doc, b, them);
  }
  if (failures.length) console.log(`WARNING: our pipeline threw on ${failures.length} documents (scored as empty), first: ${failures[0]}`);
  console.log(`TimeML TBAQ-cleaned: ${docs.length} documents, ${chars} characters, DCT as reference date`);
  const head = ['system', 'type', 'P', 'R', 'F1', 'lenF1', 'valAcc(strict)', 'valAcc(lenient)', 'pred', 'gold'];
  const rows = [head];
  for (const type of ['DATE', 'TIME'] as const) {
    rows.push(['ours', type, ...row(us[type])]);
    rows.push(['compromise-dates', type, ...row(them[type])]);
  }
  const widths = head.map((_, i) => Math.max(...rows.map(r => r[i].length)));
  for (const r of rows) console.log(r.map((x, i) => x.padEnd(widths[i])).join('  '));
  console.log('ours by category (DATE and TIME gold, TimeBank + AQUAINT):');
  for (const line of breakdown(results)) console.log(line);
  const tDetect = timeDetector(docs);
  const per100k = (ms: number) => ((ms / chars) * 1e5).toFixed(1);
  console.log(
    `time per 100k chars: our date detector + resolution alone ${per100k(tDetect)} ms; ` +
      `our full pipeline (analyze(), entity detection included) ${per100k(tUs)} ms; compromise-dates ${per100k(tThem)} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(import.meta.dirname, '..', '..');
  const dataDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data'));
  if (!existsSync(join(dataDir, 'timeml'))) {
    console.log(`No TimeML data at ${join(dataDir, 'timeml')} (expected timeml/TBAQ-cleaned from ../shared/data); nothing was scored.`);
    process.exit(0);
  }
  runTimemlEval(dataDir);
}
