// The tagger's training: an averaged structured perceptron over CoNLL-2003 eng.train (never eng.testa, the
// development set), several shuffled runs averaged, near-zero weights pruned, the rest quantized (model-codec.ts).
import type { Bloom } from '../../src/core/entities/bloom';
import { staticFeatures, tagFeatures } from '../../src/core/entities/features';
import { Gazetteer } from '../../src/core/entities/gazetteer';
import { encodeWeights, hashFeature, type WeightTable } from '../../src/core/entities/model-codec';
import { START, Tagger, viterbi, type TaggerModel } from '../../src/core/entities/tagger';
import { tokenize } from '../../src/core/entities/tokenize';
import type { ConllDocument } from '../eval/conll-reader';
import { trainNames, type Lists } from './lists';

/** Everything that decides the model besides the data and the code; the manifest records it. */
export interface Parameters {
  tags: string[];
  epochs: number;
  /** Share of tokens seen without their word (word dropout). */
  dropout: number;
  /** Seeds of the shuffled runs whose weights are averaged, one per run. */
  seeds: number[];
  /** eng.train's documents are split this many ways for the name lists each document is trained against. */
  folds: number;
  /** Weights below this (in absolute value) are pruned. */
  minWeight: number;
  /** Weights are stored multiplied by this and rounded. */
  scale: number;
}

const DROPPED = 'w?';

export interface Example {
  tokens: ReturnType<typeof tokenize>;
  labels: string[];
  doc: number;
}

export function examples(docs: readonly ConllDocument[]): Example[] {
  const out: Example[] = [];
  for (const [docIndex, doc] of docs.entries()) {
    // Each sentence is its own unit, as the analyser sees one line at a time.
    let lineStart = 0;
    for (const line of doc.text.split('\n')) {
      const lineEnd = lineStart + line.length;
      const toks = tokenize(line).map(t => ({ ...t, start: t.start + lineStart, end: t.end + lineStart }));
      const labels = toks.map(t => {
        const g = doc.gold.find(s => s.start <= t.start && t.start < s.end);
        if (!g) return 'O';
        return (g.start === t.start ? 'B-' : 'I-') + g.label;
      });
      out.push({ tokens: toks, labels, doc: docIndex });
      lineStart = lineEnd + 1;
    }
  }
  return out;
}

/** One averaged-perceptron run over shuffled data; returns the averaged weights. */
function train(
  data: Example[],
  gazFor: (ex: Example) => Gazetteer,
  given: Bloom,
  common: ReadonlySet<string>,
  p: Parameters,
  seedValue: number,
): Map<string, Float64Array> {
  const { tags } = p;
  const T = tags.length;
  const weights = new Map<string, Float64Array>();
  const totals = new Map<string, Float64Array>();
  const stamps = new Map<string, Float64Array>();
  let clock = 0;
  const update = (f: string, k: number, v: number) => {
    let w = weights.get(f);
    if (!w) {
      w = new Float64Array(T);
      weights.set(f, w);
      totals.set(f, new Float64Array(T));
      stamps.set(f, new Float64Array(T));
    }
    const tot = totals.get(f)!;
    const st = stamps.get(f)!;
    tot[k] += (clock - st[k]) * w[k];
    st[k] = clock;
    w[k] += v;
  };
  const statics = data.map(ex => staticFeatures(ex.tokens, gazFor(ex), given, common));
  const order = data.map((_, i) => i);
  let seed = seedValue;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const score = (scores: Float64Array, feats: readonly string[]) => {
    for (const f of feats) {
      const w = weights.get(f);
      if (w) for (let k = 0; k < T; k++) scores[k] += w[k];
    }
  };
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let n = 0;
    for (const idx of order) {
      const ex = data[idx];
      clock++;
      const gold = ex.labels.map(l => tags.indexOf(l));
      // word dropout: now and then a token is seen without its identity, so the shape, context and list
      // features learn to carry names the model has never seen (today's news is full of them)
      // (a placeholder keeps the word's slot: tagFeatures reads the shape by position; it is dropped in combine)
      const feats = p.dropout > 0 ? statics[idx].map(f => (rand() < p.dropout ? f.map((x, k) => (k === 1 ? DROPPED : x)) : f)) : statics[idx];
      const pred = viterbi(tags, feats, score);
      for (let i = 0; i < gold.length; i++) {
        n++;
        const gPrev = i === 0 ? START : tags[gold[i - 1]];
        const pPrev = i === 0 ? START : tags[pred[i - 1]];
        if (gold[i] !== pred[i]) errors++;
        if (gold[i] === pred[i] && gPrev === pPrev) continue;
        for (const f of feats[i]) {
          update(f, gold[i], 1);
          update(f, pred[i], -1);
        }
        for (const f of tagFeatures(gPrev, feats[i])) update(f, gold[i], 1);
        for (const f of tagFeatures(pPrev, feats[i])) update(f, pred[i], -1);
      }
    }
    console.log(`seed ${seedValue}, epoch ${epoch + 1}: token error rate ${(errors / n).toFixed(4)}`);
  }
  const averaged = new Map<string, Float64Array>();
  for (const [f, w] of weights) {
    const tot = totals.get(f)!;
    const st = stamps.get(f)!;
    const avg = new Float64Array(T);
    for (let k = 0; k < T; k++) avg[k] = (tot[k] + (clock - st[k]) * w[k]) / clock;
    averaged.set(f, avg);
  }
  return averaged;
}

/**
 * The mean of several runs with different shuffles (a single run's F1 moves by about half a point with the
 * shuffle), near-zero weights pruned, keyed by feature hash and quantized: keeps the bundled model small.
 */
function combine(runs: Map<string, Float64Array>[], p: Parameters): TaggerModel {
  const T = p.tags.length;
  const sum = new Map<string, Float64Array>();
  for (const run of runs) {
    for (const [f, w] of run) {
      const acc = sum.get(f) ?? new Float64Array(T);
      for (let k = 0; k < T; k++) acc[k] += w[k] / runs.length;
      sum.set(f, acc);
    }
  }
  const table: WeightTable = new Map();
  let collisions = 0;
  for (const [f, w] of sum) {
    if (f === DROPPED) continue;
    const flat: number[] = [];
    for (let k = 0; k < T; k++) if (Math.abs(w[k]) >= p.minWeight) flat.push(k, w[k]);
    if (!flat.length) continue;
    const h = hashFeature(f);
    if (table.has(h)) collisions++;
    table.set(h, flat);
  }
  console.log(`features kept: ${table.size}, hash collisions: ${collisions}`);
  return { tags: p.tags, scale: p.scale, weights: encodeWeights(table, p.scale) };
}

/**
 * Trains the model on `docs`. Names seen in eng.train become gazetteer lists; while training, each document sees
 * only the lists built from the other folds, so the tagger learns how far to trust a list hit on a name it has not seen.
 */
export function trainModel(
  docs: readonly ConllDocument[],
  data: Example[],
  gazLists: Lists,
  given: Bloom,
  common: ReadonlySet<string>,
  p: Parameters,
): TaggerModel {
  const foldGaz = Array.from({ length: p.folds }, (_, k) => new Gazetteer({ ...gazLists, ...trainNames(docs.filter((_, i) => i % p.folds !== k)) }));
  return combine(
    p.seeds.map(seed => train(data, ex => foldGaz[ex.doc % p.folds], given, common, p, seed)),
    p,
  );
}

/** BIO tags -> "from:to:label" keys for PER/LOC/ORG (MISC is not scored). */
function spanKeys(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === 'O') continue;
    const label = tags[i].slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${label}`) j++;
    if (label !== 'MISC') out.push(`${i}:${j}:${label}`);
    i = j - 1;
  }
  return out;
}

/** Trains on the documents `i % 5 !== 4` of eng.train and prints the tagger's exact-span F1 on the rest. */
export function splitCheck(docs: readonly ConllDocument[], gazLists: Lists, given: Bloom, common: ReadonlySet<string>, p: Parameters): void {
  const held = (doc: number) => doc % 5 === 4;
  const data = examples(docs);
  const trainDocs = docs.filter((_, i) => !held(i));
  const foldGaz = Array.from({ length: p.folds }, (_, k) => new Gazetteer({ ...gazLists, ...trainNames(trainDocs.filter((_, i) => i % p.folds !== k)) }));
  const trainData = data.filter(ex => !held(ex.doc));
  const model = combine(
    p.seeds.map(seed => train(trainData, ex => foldGaz[ex.doc % p.folds], given, common, p, seed)),
    p,
  );
  const tagger = new Tagger(model, new Gazetteer({ ...gazLists, ...trainNames(trainDocs) }), given, common);
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const ex of data.filter(e => held(e.doc))) {
    const gold = new Set(spanKeys(ex.labels));
    const pred = new Set(spanKeys(tagger.tag(ex.tokens)));
    for (const k of pred) {
      const c = (counts[k.split(':')[2]] ??= { tp: 0, fp: 0, fn: 0 });
      if (gold.has(k)) c.tp++;
      else c.fp++;
    }
    for (const k of gold) if (!pred.has(k)) (counts[k.split(':')[2]] ??= { tp: 0, fp: 0, fn: 0 }).fn++;
  }
  const f1 = (c: { tp: number; fp: number; fn: number }) => ((2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1)).toFixed(3);
  const all = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  console.log(
    `80/20 split of eng.train (tagger alone, exact spans): micro F1 ${f1(all)}; ${['PER', 'LOC', 'ORG'].map(l => `${l} ${f1(counts[l] ?? { tp: 0, fp: 0, fn: 0 })}`).join(', ')}`,
  );
}
