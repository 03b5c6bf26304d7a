// Regenerates src/core/data/gazetteer.json, words.json and ner-model.json:
//  - gazetteer: name lists from compromise's lexicon (countries, cities, regions, first/last names, organizations,
//    sports teams, people, demonyms) plus src/core/data/curated.ts;
//  - words: common words and first names counted in CoNLL-2003 eng.train (see wordStats);
//  - ner-model: an averaged perceptron trained on CoNLL-2003 eng.train (never on eng.testa, the development set);
//  - given-names: a Bloom filter of given names from many languages (gender-detection-from-name's English,
//    French, Spanish, Italian, German and Turkish lists), less common words and known places/organizations.
// Usage: npx tsx scripts/build-entity-data.ts [dataDir] [--split]   (dataDir holds conll2003/, default ../shared/data)
//   --split: train on 80% of eng.train's documents and score the tagger on the other 20% (writes nothing): a
//   check of how the model does on names it never saw, without touching the development set.
//   --no-model: rewrite the lists but keep the trained model.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import nlp from 'compromise';
import { FIRST_NAMES, ORGANIZATIONS, PLACES } from '../src/core/data/curated';
import { staticFeatures, tagFeatures } from '../src/core/entities/features';
import { buildBloom } from '../src/core/entities/bloom';
import { Gazetteer } from '../src/core/entities/gazetteer';
import { encodeWeights, hashFeature, type WeightTable } from '../src/core/entities/model-codec';
import { START, Tagger, viterbi, type TaggerModel } from '../src/core/entities/tagger';
import { tokenize } from '../src/core/entities/tokenize';
import { readConll } from './eval/conll-reader';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const SPLIT = args.includes('--split');
const dataDir = resolve(args.find(a => !a.startsWith('--')) ?? join(root, '..', 'shared', 'data'));
const EPOCHS = Number(process.env.EPOCHS ?? 8);
const DROPOUT = Number(process.env.DROPOUT ?? 0.35);
const DROPPED = 'w?';

function buildGazetteer(): Record<string, string[]> {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const lists: Record<string, Set<string>> = {};
  const add = (cat: string, name: string) => (lists[cat] ??= new Set()).add(name.toLowerCase());
  const map: Record<string, string> = {
    Country: 'loc', City: 'loc', Place: 'loc', Region: 'loc', FirstName: 'first', MaleName: 'first', FemaleName: 'first',
    LastName: 'last', Organization: 'org', SportsTeam: 'org', Person: 'person', Demonym: 'misc',
  };
  for (const [word, tags] of Object.entries(lexicon)) {
    for (const t of Array.isArray(tags) ? tags : [tags]) if (map[t]) add(map[t], word);
  }
  for (const n of ORGANIZATIONS) add('org', n);
  for (const n of PLACES) add('loc', n);
  for (const n of FIRST_NAMES) add('first', n);
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Given names of many cultures for the "Firstname Lastname is a person" rule (refine.ts). Words that are also
 * common words, places, organizations or other names in the lists are left out: "Georgia", "Paris", "Will".
 */
function buildGivenNames(gazLists: Record<string, string[]>, commonWords: readonly string[]): void {
  const dir = join(dirname(createRequire(import.meta.url).resolve('gender-detection-from-name')), 'names');
  const exclude = new Set([...commonWords, ...['loc', 'org', 'misc', 'tLOC', 'tORG', 'tMISC'].flatMap(k => gazLists[k] ?? [])]);
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter(f => f.endsWith('.js')).sort()) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\['([^']+)',/g)) {
      const n = m[1].toLowerCase();
      if (/^\p{L}[\p{L}'-]{2,}$/u.test(n) && !exclude.has(n)) names.add(n);
    }
  }
  const sorted = [...names].sort();
  const json = JSON.stringify(buildBloom(sorted, sorted.length));
  writeFileSync(join(root, 'src/core/data/given-names.json'), json + '\n');
  console.log(`given names: ${sorted.length} in a ${(json.length / 1024).toFixed(0)} KB Bloom filter`);
}

interface Example { tokens: ReturnType<typeof tokenize>; labels: string[]; doc: number }

function examples(file: string): Example[] {
  const out: Example[] = [];
  for (const [docIndex, doc] of readConll(file).entries()) {
    // Each sentence is its own unit, as the analyser sees one line at a time.
    let lineStart = 0;
    const lines = doc.text.split('\n');
    for (const line of lines) {
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
function train(data: Example[], gazFor: (ex: Example) => Gazetteer, tags: string[], seedValue: number): Map<string, Float64Array> {
  const T = tags.length;
  const weights = new Map<string, Float64Array>();
  const totals = new Map<string, Float64Array>();
  const stamps = new Map<string, Float64Array>();
  let clock = 0;
  const update = (f: string, k: number, v: number) => {
    let w = weights.get(f);
    if (!w) { w = new Float64Array(T); weights.set(f, w); totals.set(f, new Float64Array(T)); stamps.set(f, new Float64Array(T)); }
    const tot = totals.get(f)!; const st = stamps.get(f)!;
    tot[k] += (clock - st[k]) * w[k];
    st[k] = clock;
    w[k] += v;
  };
  const statics = data.map(ex => staticFeatures(ex.tokens, gazFor(ex)));
  const order = data.map((_, i) => i);
  let seed = seedValue;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const score = (scores: Float64Array, feats: readonly string[]) => {
    for (const f of feats) { const w = weights.get(f); if (w) for (let k = 0; k < T; k++) scores[k] += w[k]; }
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0; let n = 0;
    for (const idx of order) {
      const ex = data[idx];
      clock++;
      const gold = ex.labels.map(l => tags.indexOf(l));
      // word dropout: now and then a token is seen without its identity, so the shape, context and list
      // features learn to carry names the model has never seen (today's news is full of them)
      // (a placeholder keeps the word's slot: tagFeatures reads the shape by position; it is dropped in combine)
      const feats = DROPOUT > 0 ? statics[idx].map(f => (rand() < DROPOUT ? f.map((x, k) => (k === 1 ? DROPPED : x)) : f)) : statics[idx];
      const pred = viterbi(tags, feats, score);
      for (let i = 0; i < gold.length; i++) {
        n++;
        const gPrev = i === 0 ? START : tags[gold[i - 1]];
        const pPrev = i === 0 ? START : tags[pred[i - 1]];
        if (gold[i] !== pred[i]) errors++;
        if (gold[i] === pred[i] && gPrev === pPrev) continue;
        for (const f of feats[i]) { update(f, gold[i], 1); update(f, pred[i], -1); }
        for (const f of tagFeatures(gPrev, feats[i])) update(f, gold[i], 1);
        for (const f of tagFeatures(pPrev, feats[i])) update(f, pred[i], -1);
      }
    }
    console.log(`epoch ${epoch + 1}: token error rate ${(errors / n).toFixed(4)}`);
  }
  const averaged = new Map<string, Float64Array>();
  for (const [f, w] of weights) {
    const tot = totals.get(f)!; const st = stamps.get(f)!;
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
function combine(runs: Map<string, Float64Array>[], tags: string[]): TaggerModel {
  const T = tags.length;
  const sum = new Map<string, Float64Array>();
  for (const run of runs) {
    for (const [f, w] of run) {
      const acc = sum.get(f) ?? new Float64Array(T);
      for (let k = 0; k < T; k++) acc[k] += w[k] / runs.length;
      sum.set(f, acc);
    }
  }
  const table: WeightTable = new Map();
  const MIN = Number(process.env.MIN_WEIGHT ?? 1);
  const SCALE = 10;
  let collisions = 0;
  for (const [f, w] of sum) {
    if (f === DROPPED) continue;
    const flat: number[] = [];
    for (let k = 0; k < T; k++) if (Math.abs(w[k]) >= MIN) flat.push(k, w[k]);
    if (!flat.length) continue;
    const h = hashFeature(f);
    if (table.has(h)) collisions++;
    table.set(h, flat);
  }
  console.log(`features kept: ${table.size}, hash collisions: ${collisions}`);
  return { tags, scale: SCALE, weights: encodeWeights(table, SCALE) };
}

/**
 * Word statistics from eng.train for the span clean-up rules:
 *  - commonWords: words written in lower case in running text and (almost) never part of a name, so a capitalised
 *    occurrence at the edge of a span is a sentence start or a headline word ("Our", "Skip", "Placing");
 *  - firstNames: first words of multi-word person names that the gazetteer's first-name list lacks (the tagger
 *    code joins both lists).
 */
function wordStats(file: string, gazFirst: readonly string[]): { commonWords: string[]; firstNames: string[] } {
  const lower = new Map<string, number>();
  const inName = new Map<string, number>();
  const first = new Set<string>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const doc of readConll(file)) {
    const words: { start: number; end: number; text: string }[] = [];
    for (const m of doc.text.matchAll(/\S+/g)) words.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    let g = 0;
    for (const w of words) {
      while (g < doc.gold.length && doc.gold[g].end <= w.start) g++;
      const inside = g < doc.gold.length && doc.gold[g].start <= w.start;
      const key = w.text.toLowerCase();
      if (inside) {
        inc(inName, key);
        const span = doc.gold[g];
        if (span.label === 'PER' && span.start === w.start && span.end > w.end && /^\p{Lu}\p{Ll}+$/u.test(w.text)) first.add(key);
      } else if (/^\p{Ll}/u.test(w.text)) inc(lower, key);
    }
  }
  const commonWords: string[] = [];
  for (const [w, n] of lower) {
    const named = inName.get(w) ?? 0;
    if (n >= 2 && /^\p{L}[\p{L}'-]*$/u.test(w) && named <= 0.05 * (n + named)) commonWords.push(w);
  }
  const common = new Set(commonWords);
  const known = new Set(gazFirst);
  const firstNames = new Set([...first].filter(n => !common.has(n) && !known.has(n)));
  return { commonWords: commonWords.sort(), firstNames: [...firstNames].sort() };
}

/** Names written at least twice with the same label (its majority label) in the given documents. */
function trainNames(docs: ReturnType<typeof readConll>): Record<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const d of docs) {
    for (const g of d.gold) {
      const name = d.text.slice(g.start, g.end).toLowerCase();
      const m = counts.get(name) ?? new Map<string, number>();
      m.set(g.label, (m.get(g.label) ?? 0) + 1);
      counts.set(name, m);
    }
  }
  const out: Record<string, string[]> = { tPER: [], tLOC: [], tORG: [], tMISC: [] };
  for (const [name, m] of counts) {
    let best = ''; let n = 0; let total = 0;
    for (const [label, c] of m) { total += c; if (c > n) { best = label; n = c; } }
    if (n >= 2 && n >= 0.75 * total) out[`t${best}`].push(name);
  }
  for (const k of Object.keys(out)) out[k].sort();
  return out;
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
function splitCheck(data: Example[], docs: ReturnType<typeof readConll>, gazLists: Record<string, string[]>, tags: string[], runs: number): void {
  const held = (doc: number) => doc % 5 === 4;
  const trainDocs = docs.filter((_, i) => !held(i));
  const FOLDS = 5;
  const foldGaz = Array.from({ length: FOLDS }, (_, k) => new Gazetteer({ ...gazLists, ...trainNames(trainDocs.filter((_, i) => i % FOLDS !== k)) }));
  const trainData = data.filter(ex => !held(ex.doc));
  const model = combine(Array.from({ length: runs }, (_, r) => train(trainData, ex => foldGaz[ex.doc % FOLDS], tags, r + 1)), tags);
  const tagger = new Tagger(model, new Gazetteer({ ...gazLists, ...trainNames(trainDocs) }));
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const ex of data.filter(e => held(e.doc))) {
    const gold = new Set(spanKeys(ex.labels));
    const pred = new Set(spanKeys(tagger.tag(ex.tokens)));
    for (const k of pred) { const c = (counts[k.split(':')[2]] ??= { tp: 0, fp: 0, fn: 0 }); if (gold.has(k)) c.tp++; else c.fp++; }
    for (const k of gold) if (!pred.has(k)) (counts[k.split(':')[2]] ??= { tp: 0, fp: 0, fn: 0 }).fn++;
  }
  const f1 = (c: { tp: number; fp: number; fn: number }) => ((2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1)).toFixed(3);
  const all = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  console.log(`80/20 split of eng.train (tagger alone, exact spans): micro F1 ${f1(all)}; ${['PER', 'LOC', 'ORG'].map(l => `${l} ${f1(counts[l] ?? { tp: 0, fp: 0, fn: 0 })}`).join(', ')}`);
}

function main(): void {
  const trainFile = join(dataDir, 'conll2003', 'eng.train');
  const gazLists = buildGazetteer();
  const tags = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'];
  const RUNS = Number(process.env.RUNS ?? 3);
  if (SPLIT) {
    if (!existsSync(trainFile)) throw new Error(`--split needs ${trainFile} (pass the folder holding conll2003/).`);
    splitCheck(examples(trainFile), readConll(trainFile), gazLists, tags, RUNS);
    return;
  }
  writeFileSync(join(root, 'src/core/data/gazetteer.json'), JSON.stringify(gazLists) + '\n');
  console.log('gazetteer:', Object.entries(gazLists).map(([k, v]) => `${k} ${v.length}`).join(', '));
  if (!existsSync(trainFile)) {
    console.log(`No ${trainFile}: the tagger model was not retrained (pass the folder holding conll2003/).`);
    return;
  }
  const stats = wordStats(trainFile, gazLists.first ?? []);
  const statsJson = JSON.stringify(stats);
  writeFileSync(join(root, 'src/core/data/words.json'), statsJson + '\n');
  console.log(`words: ${stats.commonWords.length} common words, ${stats.firstNames.length} first names, ${(statsJson.length / 1024).toFixed(0)} KB`);
  const data = examples(trainFile);
  // Names seen in eng.train, as gazetteer lists. While training, each document sees only the lists built from
  // the other folds, so the tagger learns how far to trust a list hit on a name it has not seen.
  const FOLDS = 5;
  const docs = readConll(trainFile);
  const foldGaz = Array.from({ length: FOLDS }, (_, k) => new Gazetteer({ ...gazLists, ...trainNames(docs.filter((_, i) => i % FOLDS !== k)) }));
  const allTrainNames = trainNames(docs);
  const finalLists = { ...gazLists, ...allTrainNames };
  writeFileSync(join(root, 'src/core/data/gazetteer.json'), JSON.stringify(finalLists) + '\n');
  console.log('train names:', Object.entries(allTrainNames).map(([k, v]) => `${k} ${v.length}`).join(', '));
  buildGivenNames(finalLists, stats.commonWords);
  if (args.includes('--no-model')) return;
  const runs = Array.from({ length: RUNS }, (_, r) => train(data, ex => foldGaz[ex.doc % FOLDS], tags, r + 1));
  const model = combine(runs, tags);
  const json = JSON.stringify(model);
  writeFileSync(join(root, 'src/core/data/ner-model.json'), json + '\n');
  console.log(`model: ${(json.length / 1024).toFixed(0)} KB`);
}

main();
