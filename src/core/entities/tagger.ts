// First-order structured-perceptron tagger (BIO over PER/LOC/ORG/MISC), decoded with Viterbi. The weights are
// learnt from CoNLL-2003 eng.train by `npm run data` (scripts/data/train.ts). Training scores feature strings with
// viterbi(); the Tagger scores the same features hashed from their parts, one look-up in a typed-array table each,
// and decodes over typed arrays (decode): the same tags and the very same scores (test/unit/core/entities/tagger-fast-path).
import type { Bloom } from './bloom';
import { isUpperUnit, tagFeatures, transitionFeatures } from './features';
import type { Gazetteer } from './gazetteer';
import { decodeWeightIndex, hashFeature, type WeightIndex } from './model-codec';
import type { Token } from './tokenize';
import { scoreUnit, WordTable } from './word-features';

export interface TaggerModel {
  tags: string[];
  /** Weights are stored multiplied by this and rounded to integers. */
  scale: number;
  /** See model-codec.ts. */
  weights: string;
}

export const START = '<s>';

/** A tag sequence is well-formed when I-X only follows B-X or I-X. */
export function allowed(prev: string, tag: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

/** Adds the weights of `features` to `scores` (one slot per tag). */
export type Scorer = (scores: Float64Array, features: readonly string[]) => void;

/** Adds to `scores` the weights of the features pairing token i with previous tag `prevTag`. */
export type TransitionScorer = (scores: Float64Array, i: number, prevTag: string) => void;

/**
 * The best tag sequence: per token, the score of its tag-independent features plus the score of the features
 * that pair it with the previous tag (tagFeatures).
 */
export function viterbi(
  tags: readonly string[],
  statics: readonly (readonly string[])[],
  score: Scorer,
  transition: TransitionScorer = (scores, i, prevTag) => score(scores, tagFeatures(prevTag, statics[i])),
): number[] {
  const n = statics.length;
  const T = tags.length;
  if (n === 0) return [];
  const back = new Int16Array(n * T);
  let prevBest = new Float64Array(T);
  let curBest = new Float64Array(T);
  const emit = new Float64Array(T);
  const trans = new Float64Array(T);
  for (let i = 0; i < n; i++) {
    emit.fill(0);
    score(emit, statics[i]);
    curBest.fill(-Infinity);
    const prevTags = i === 0 ? [-1] : tags.map((_, j) => j);
    for (const j of prevTags) {
      const prevTag = j < 0 ? START : tags[j];
      const base = j < 0 ? 0 : prevBest[j];
      if (base === -Infinity) continue;
      trans.fill(0);
      transition(trans, i, prevTag);
      for (let k = 0; k < T; k++) {
        if (!allowed(prevTag, tags[k])) continue;
        const s = base + emit[k] + trans[k];
        if (s > curBest[k]) {
          curBest[k] = s;
          back[i * T + k] = j;
        }
      }
    }
    [prevBest, curBest] = [curBest, prevBest];
  }
  let best = 0;
  for (let k = 1; k < T; k++) if (prevBest[k] > prevBest[best]) best = k;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = best;
    best = back[i * T + best];
  }
  return path;
}

export class Tagger {
  private readonly weights: WeightIndex;
  private readonly words: WordTable;
  private readonly T: number;
  /** allowedAfter[j * T + k]: tag k may follow tag j (row T: the start of the unit). */
  private readonly allowedAfter: Uint8Array;

  constructor(
    private readonly model: TaggerModel,
    private readonly gazetteer: Gazetteer,
    private readonly givenNames: Bloom,
    private readonly commonWords?: ReadonlySet<string>,
  ) {
    this.weights = decodeWeightIndex(model.weights, model.scale);
    this.words = new WordTable(this.weights, model.tags.length, givenNames, commonWords, shape => this.transitionsFor(shape));
    const T = (this.T = model.tags.length);
    this.rowA = new Float64Array(T);
    this.rowB = new Float64Array(T);
    this.allowedAfter = new Uint8Array((T + 1) * T);
    for (let j = 0; j <= T; j++) for (let k = 0; k < T; k++) this.allowedAfter[j * T + k] = allowed(j === T ? START : model.tags[j], model.tags[k]) ? 1 : 0;
  }

  // transition scores depend only on (previous tag, word shape): computed once per shape, not per token; row j of a
  // shape's table holds the scores after tag j, row T after the start of the unit
  private readonly transitions = new Map<string, Float64Array>();
  private back = new Int16Array(0);
  private scratch = new Float64Array(0);
  private spare = new Float64Array(0);
  // per unit, reused: the tokens' word ids, their lower-cased forms (what the name lists match) and transition tables
  private ids = new Int32Array(0);
  private readonly lower: string[] = [];
  private readonly tables: Float64Array[] = [];
  private readonly gaz: (readonly string[])[] = [];
  private path = new Int32Array(0);
  private readonly rowA: Float64Array;
  private readonly rowB: Float64Array;

  private transitionsFor(shape: string): Float64Array {
    let table = this.transitions.get(shape);
    if (!table) {
      const T = this.T;
      table = new Float64Array((T + 1) * T);
      for (let j = 0; j <= T; j++) {
        for (const f of transitionFeatures(j === T ? START : this.model.tags[j], `s=${shape}`)) this.weights.add(table, hashFeature(f), j * T);
      }
      if (this.transitions.size > 20000) this.transitions.clear();
      this.transitions.set(shape, table);
    }
    return table;
  }

  /** The tags alone: the emissions go to a buffer of their own (not tagWithScratchScores', which the caller may still read). */
  tag(tokens: readonly Token[]): string[] {
    const size = tokens.length * this.T;
    if (this.spare.length < size) this.spare = new Float64Array(Math.max(size, 2 * this.spare.length));
    this.spare.fill(0, 0, size);
    return this.tagScoring(tokens, this.spare.subarray(0, size));
  }

  /**
   * Tags, and per token the scores of every tag from the token's own features (for confidence estimates):
   * emissions[i * tags.length + k] is token i's score for tag k.
   */
  tagWithScores(tokens: readonly Token[]): { tags: string[]; emissions: Float64Array } {
    const emissions = new Float64Array(tokens.length * this.T);
    return { tags: this.tagScoring(tokens, emissions), emissions };
  }

  /**
   * tagWithScores(), its emissions in a buffer the Tagger reuses: valid until the next call of this method (the
   * detector reads them before it tags the next unit). A fresh off-heap typed array per unit showed in the profile,
   * in its allocation and in the garbage collector.
   */
  tagWithScratchScores(tokens: readonly Token[]): { tags: string[]; emissions: Float64Array } {
    const size = tokens.length * this.T;
    if (this.scratch.length < size) this.scratch = new Float64Array(Math.max(size, 2 * this.scratch.length));
    this.scratch.fill(0, 0, size);
    const emissions = this.scratch.subarray(0, size);
    return { tags: this.tagScoring(tokens, emissions), emissions };
  }

  /** Tags the tokens, adding each token's own feature scores to `emissions` (zeros, tokens.length * T of them). */
  private tagScoring(tokens: readonly Token[], emissions: Float64Array): string[] {
    const n = tokens.length;
    const words = this.words;
    words.reserve(n);
    if (this.ids.length < n) this.ids = new Int32Array(Math.max(n, 2 * this.ids.length));
    const ids = this.ids;
    const lower = this.lower;
    const tables = this.tables;
    for (let i = 0; i < n; i++) {
      const id = words.id(tokens[i].text);
      ids[i] = id;
      lower[i] = words.lower[id];
      tables[i] = words.transitions[id];
    }
    // the name lists read lower[i] for i < n only: the entries past it (from longer units) are not looked at
    const gaz = this.gazetteer.annotate(tokens, lower, this.gaz);
    scoreUnit(words, this.weights, tokens, ids, gaz, isUpperUnit(tokens), emissions, this.T);
    const path = this.decode(emissions, tables, n);
    const tags = new Array<string>(n);
    for (let i = 0; i < n; i++) tags[i] = this.model.tags[path[i]];
    return tags;
  }

  /**
   * viterbi() over precomputed scores: the same additions in the same order (so the same doubles), the same
   * tie-breaking (the first previous tag, the first best last tag), without a string or a closure per token.
   */
  private decode(emit: Float64Array, tables: readonly Float64Array[], n: number): Int32Array {
    const T = this.T;
    if (this.path.length < n) this.path = new Int32Array(Math.max(n, 2 * this.path.length));
    const path = this.path;
    if (n === 0) return path;
    const ok = this.allowedAfter;
    // the back pointers and the two score rows are reused from unit to unit (a unit allocated four typed arrays)
    if (this.back.length < n * T) this.back = new Int16Array(Math.max(n * T, 2 * this.back.length));
    const back = this.back;
    back.fill(0, 0, n * T);
    let prevBest = this.rowA;
    let curBest = this.rowB;
    prevBest.fill(0);
    for (let i = 0; i < n; i++) {
      const e = i * T;
      const trans = tables[i];
      curBest.fill(-Infinity);
      if (i === 0) {
        for (let k = 0; k < T; k++) {
          if (!ok[T * T + k]) continue;
          const s = 0 + emit[e + k] + trans[T * T + k];
          if (s > curBest[k]) {
            curBest[k] = s;
            back[k] = -1;
          }
        }
      } else {
        for (let j = 0; j < T; j++) {
          const base = prevBest[j];
          if (base === -Infinity) continue;
          const row = j * T;
          for (let k = 0; k < T; k++) {
            if (!ok[row + k]) continue;
            const s = base + emit[e + k] + trans[row + k];
            if (s > curBest[k]) {
              curBest[k] = s;
              back[e + k] = j;
            }
          }
        }
      }
      const swap = prevBest;
      prevBest = curBest;
      curBest = swap;
    }
    let best = 0;
    for (let k = 1; k < T; k++) if (prevBest[k] > prevBest[best]) best = k;
    for (let i = n - 1; i >= 0; i--) {
      path[i] = best;
      best = back[i * T + best];
    }
    return path;
  }
}
