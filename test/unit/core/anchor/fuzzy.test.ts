// The fuzzy step of re-anchoring: the same candidates as scoring every span on its own (the plain computation it
// replaced, kept below as the reference), at a cost bounded per orphan whatever the article holds.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorAll, quoteContext, type AnchorTarget } from '../../../../src/core/anchor';
import { FUZZY_BUDGET, fuzzyCandidates, type Candidate, type FuzzyCost } from '../../../../src/core/anchor/fuzzy';
import { ANCHOR_COST_PROPERTIES, editedCopies } from '../../../support/anchor-cost-properties';

// ---- reference: every candidate span scored by its own edit distance (cubic in the quote's length) ----
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
function prefixLen(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
function suffixLen(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest > 300) return (prefixLen(a, b) + suffixLen(a, b)) / (a.length + b.length);
  return 1 - levenshtein(a, b) / longest;
}
function occurrences(t: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = t.indexOf(needle); i >= 0; i = t.indexOf(needle, i + 1)) out.push(i);
  return out;
}
function contextScore(t: string, start: number, end: number, prefix: string, suffix: string): number {
  return suffixLen(t.slice(Math.max(0, start - prefix.length), start), prefix) + prefixLen(t.slice(end, end + suffix.length), suffix);
}
function referenceCandidates(t: string, quote: string, prefix: string, suffix: string): Candidate[] {
  const pk = prefix.slice(-12);
  const sk = suffix.slice(0, 12);
  const starts = pk.length >= 4 ? occurrences(t, pk).map(i => i + pk.length) : [];
  const ends = sk.length >= 4 ? occurrences(t, sk) : [];
  const slack = Math.max(3, Math.ceil(quote.length / 3));
  const out: Candidate[] = [];
  const consider = (start: number, end: number) => {
    end = Math.min(end, t.length);
    while (start < end && isSpace(t.charCodeAt(start))) start++;
    while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
    if (end <= start) return;
    const sim = similarity(quote, t.slice(start, end));
    if (sim >= 0.5) out.push({ start, end, score: sim * 100 + contextScore(t, start, end, prefix, suffix) });
  };
  const maxLen = quote.length * 2 + 20;
  let j = 0;
  for (const start of starts) {
    while (j < ends.length && ends[j] < start) j++;
    if (j < ends.length && ends[j] - start <= maxLen) consider(start, ends[j]);
    else for (let len = Math.max(1, quote.length - slack); len <= quote.length + slack; len++) consider(start, start + len);
  }
  for (const end of ends) {
    for (let len = Math.max(1, quote.length - slack); len <= quote.length + slack && end - len >= 0; len++) consider(end - len, end);
  }
  return out;
}
// ---- end of the reference ----

/** Candidates with each run of the same span (same score) kept once: the choice among them cannot differ. */
const distinct = (list: Candidate[]) => list.filter((c, i) => i === 0 || c.start !== list[i - 1].start || c.end !== list[i - 1].end);

function candidates(t: string, quote: string, prefix: string, suffix: string, cost?: FuzzyCost): Candidate[] {
  return fuzzyCandidates({ text: t, quote, prefix, suffix, near: 0, contextScore: (s, e) => contextScore(t, s, e, prefix, suffix) }, cost);
}

const SENTENCES = [
  'Russian President Vladimir Putin said on Tuesday that Turkey had stabbed Russia in the back. ',
  'MOSCOW (Reuters) - Sergei Shoigu met Nato officials in Brussels on Nov. 24, 2015.\n',
  'The Bank of England raised rates in Q3 2015,   the first rise since the 1990s. ',
  '  Dr. Smith, who joined the United Nations last week, will travel to New York next month.\n\n',
];

describe('fuzzy re-anchoring', () => {
  it('finds the same candidates as scoring every span on its own, short and long quotes alike', function () {
    this.timeout(120_000); // the reference is the slow computation
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 330 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('', 'x', ' ', 'Putin ', '  ')), { maxLength: 4 }),
        (pick, at, length, edits) => {
          const old = pick.map(i => SENTENCES[i]).join('');
          const start = at % old.length;
          const span = { start, end: Math.min(old.length, start + length) };
          const { prefix, suffix } = quoteContext(old, span);
          const quote = old.slice(span.start, span.end);
          let t = old;
          for (const [p, del, ins] of edits) {
            const i = span.start + (p % Math.max(1, span.end - span.start));
            t = t.slice(0, i) + ins + t.slice(i + del);
          }
          assert.deepEqual(distinct(candidates(t, quote, prefix, suffix)), distinct(referenceCandidates(t, quote, prefix, suffix)));
        },
      ),
      { numRuns: 60, seed: 16 },
    );
  });

  it('places a quote whose middle changed, as before', () => {
    const old = SENTENCES.join('');
    const quote = 'Sergei Shoigu met Nato officials in Brussels';
    const s = old.indexOf(quote);
    const t = old.replace('met Nato officials', 'met two Nato generals');
    const target: AnchorTarget = { start: s, end: s + quote.length, text: quote, ...quoteContext(old, { start: s, end: s + quote.length }) };
    const [r] = anchorAll(t, [target]);
    assert.deepEqual(r && { text: t.slice(r.start, r.end), method: r.method }, { text: 'Sergei Shoigu met two Nato generals in Brussels', method: 'fuzzy' });
  });

  it('bounds the work for five 160-character orphans whose contexts recur 200 times (was 70 s)', () => {
    const article = fs.readFileSync(path.join(__dirname, '../../../../seeds/000_a57557e610cf5658.txt'), 'utf8');
    const { text, targets } = editedCopies(article, 200, 160, 5);
    const cost = { cells: 0 };
    assert.deepEqual(
      anchorAll(text, targets, cost),
      targets.map(() => null),
    );
    // the plain computation did about 200 places x 2 sides x 107 lengths x 160^2 cells per orphan: 5.5e9 in all
    assert.ok(cost.cells <= targets.length * 2 * FUZZY_BUDGET, `${cost.cells} cells`);
    assert.ok(cost.cells > 0);
  });

  it('bounds the work for crafted orphans in a text of one repeated letter (was 43 s for four)', () => {
    const text = 'a'.repeat(200_000);
    const targets: AnchorTarget[] = [250, 299, 301, 1200].map((n, i) => ({
      start: 1000 * i,
      end: 1000 * i + n,
      text: 'b'.repeat(n),
      prefix: 'a'.repeat(32),
      suffix: 'a'.repeat(32),
    }));
    const cost = { cells: 0 };
    assert.deepEqual(
      anchorAll(text, targets, cost),
      targets.map(() => null),
    );
    assert.ok(cost.cells <= targets.length * 2 * FUZZY_BUDGET, `${cost.cells} cells`);
  });

  for (const p of ANCHOR_COST_PROPERTIES) {
    it(`${p.name} (CI-sized)`, () => {
      const result = fc.check(p.property({ longLine: 0 }) as fc.IProperty<unknown[]>, { numRuns: 20, seed: 16 });
      if (result.failed) assert.fail(fc.defaultReportMessage(result));
    });
  }
});
