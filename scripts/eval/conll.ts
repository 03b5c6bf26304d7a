// Scores person/place/organization on the CoNLL-2003 development set (eng.testa) as ../shared/data/README.md
// prescribes, side by side with raw compromise (people()/places()/organizations(), spans trimmed of punctuation)
// on the same text in the same run. Usage: npx tsx scripts/eval/conll.ts [dataDir]  (default ../shared/data)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { Analyzer } from '../../src/core/analyze';
import { readConll, type GoldSpan } from './conll-reader';
import { CategoryScores } from './entity-categories';

const LABELS = { PER: 'person', LOC: 'place', ORG: 'organization' } as const;
type Label = keyof typeof LABELS;
const TYPES = Object.keys(LABELS) as Label[];

interface Pred {
  start: number;
  end: number;
  label: Label;
}
interface Counts {
  tp: number;
  fp: number;
  fn: number;
  ltpP: number;
  ltpG: number;
  nP: number;
  nG: number;
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, ltpP: 0, ltpG: 0, nP: 0, nG: 0 });

function score(gold: GoldSpan[], pred: Pred[], into: Record<string, Counts>): void {
  const g = gold.filter(s => s.label in LABELS);
  const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;
  const goldKeys = new Set(g.map(key));
  const predKeys = new Set(pred.map(key));
  const overlap = (a: { start: number; end: number; label: string }, list: { start: number; end: number; label: string }[]) =>
    list.some(b => b.label === a.label && b.start < a.end && a.start < b.end);
  for (const t of TYPES) {
    const c = into[t];
    const gt = g.filter(s => s.label === t);
    const pt = pred.filter(s => s.label === t);
    c.nG += gt.length;
    c.nP += pt.length;
    for (const p of pt) {
      if (goldKeys.has(key(p))) c.tp++;
      else c.fp++;
      if (overlap(p, gt)) c.ltpP++;
    }
    for (const s of gt) {
      if (!predKeys.has(key(s))) c.fn++;
      if (overlap(s, pt)) c.ltpG++;
    }
  }
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

function metrics(c: Counts) {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  const lp = c.ltpP / (c.nP || 1);
  const lr = c.ltpG / (c.nG || 1);
  return { p, r, f: f1(p, r), lf: f1(lp, lr) };
}

const TRIM = /[\s.,;:!?"'“”‘’()[\]{}]/;
interface OffsetJson {
  offset: { start: number; length: number };
}

function compromiseSpans(text: string): Pred[] {
  const doc = nlp(text);
  const out: Pred[] = [];
  const add = (label: Label, list: OffsetJson[]) => {
    for (const m of list) {
      let start = m.offset.start;
      let end = start + m.offset.length;
      while (start < end && TRIM.test(text[start])) start++;
      while (end > start && TRIM.test(text[end - 1])) end--;
      if (end > start) out.push({ start, end, label });
    }
  };
  add('PER', doc.people().json({ offset: true }) as OffsetJson[]);
  add('LOC', doc.places().json({ offset: true }) as OffsetJson[]);
  add('ORG', doc.organizations().json({ offset: true }) as OffsetJson[]);
  return out;
}

const TYPE_TO_LABEL: Record<string, Label | undefined> = { person: 'PER', place: 'LOC', organization: 'ORG' };

export function runConllEval(dataDir: string): void {
  const file = join(dataDir, 'conll2003', 'eng.testa');
  if (!existsSync(file)) {
    console.log(`CoNLL evaluation skipped: ${file} not found (pass the folder that holds conll2003/eng.testa).`);
    return;
  }
  const docs = readConll(file);
  const ours: Record<string, Counts> = Object.fromEntries(TYPES.map(t => [t, empty()]));
  const raw: Record<string, Counts> = Object.fromEntries(TYPES.map(t => [t, empty()]));
  const categories = new CategoryScores();
  const labelSet = new Set<string>(TYPES);
  let chars = 0;
  let oursMs = 0;
  let rawMs = 0;
  for (const d of docs) {
    chars += d.text.length;
    let t0 = performance.now();
    // the whole product pipeline (entities and dates, dates win where they overlap), a fresh analyser per
    // document so that no cache hit from another document inflates the speed figure
    const result = new Analyzer().analyze(d.text);
    oursMs += performance.now() - t0;
    const pred: Pred[] = [];
    for (const a of result.annotations) {
      const label = TYPE_TO_LABEL[a.type];
      if (label) pred.push({ start: a.start, end: a.end, label });
    }
    score(d.gold, pred, ours);
    categories.add(d.text, d.gold, pred, labelSet);
    t0 = performance.now();
    const rawPred = compromiseSpans(d.text);
    rawMs += performance.now() - t0;
    score(d.gold, rawPred, raw);
  }
  const fmt = (x: number) => x.toFixed(3);
  console.log(`CoNLL-2003 development set (eng.testa): ${docs.length} documents, ${chars} characters`);
  const cols = (label: string) => `${label} P`.padStart(7) + 'R'.padStart(7) + 'F1'.padStart(7) + 'lenF1'.padStart(7);
  console.log(`${'type'.padEnd(6)} ${'gold'.padStart(5)} | ${cols('ours')} | ${cols('raw')}  (raw = compromise)`);
  const sum = (rec: Record<string, Counts>) =>
    TYPES.reduce((acc, t) => {
      const c = rec[t];
      return {
        tp: acc.tp + c.tp,
        fp: acc.fp + c.fp,
        fn: acc.fn + c.fn,
        ltpP: acc.ltpP + c.ltpP,
        ltpG: acc.ltpG + c.ltpG,
        nP: acc.nP + c.nP,
        nG: acc.nG + c.nG,
      };
    }, empty());
  const rows: [string, Counts, Counts][] = TYPES.map(t => [t, ours[t], raw[t]]);
  rows.push(['micro', sum(ours), sum(raw)]);
  const cells = (m: ReturnType<typeof metrics>) => [m.p, m.r, m.f, m.lf].map(v => fmt(v).padStart(7)).join('');
  for (const [name, a, b] of rows) {
    console.log(`${name.padEnd(6)} ${String(a.nG).padStart(5)} | ${cells(metrics(a))} | ${cells(metrics(b))}`);
  }
  console.log('(exact-span P/R/F1; lenF1: a prediction and a gold span of the same type that overlap count as a match)');
  console.log("ours by category (PER/LOC/ORG, exact spans; a span counts in its line's and its document's category):");
  for (const line of categories.lines()) console.log(line);
  const per100k = (ms: number) => ((ms / chars) * 100000).toFixed(0);
  console.log(`time per 100k characters: ours (full pipeline, entities + dates) ${per100k(oursMs)} ms, raw compromise entities ${per100k(rawMs)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(import.meta.dirname, '..', '..');
  runConllEval(resolve(process.argv[2] ?? join(root, '..', 'shared', 'data')));
}
