// First-order structured-perceptron tagger (BIO over PER/LOC/ORG/MISC), decoded with Viterbi. The weights are
// learnt from CoNLL-2003 eng.train by `npm run data` (scripts/data/train.ts); tagging costs a few map look-ups
// per token plus a 10x10 table per token.
import type { Bloom } from './bloom';
import { staticFeatures, tagFeatures } from './features';
import type { Gazetteer } from './gazetteer';
import { decodeWeightIndex, hashFeature, type WeightIndex } from './model-codec';
import type { Token } from './tokenize';

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

  constructor(
    private readonly model: TaggerModel,
    private readonly gazetteer: Gazetteer,
    private readonly givenNames: Bloom,
    private readonly commonWords?: ReadonlySet<string>,
  ) {
    this.weights = decodeWeightIndex(model.weights, model.scale);
  }

  // transition scores depend only on (previous tag, word shape): computed once per pair, not per token
  private readonly transitions = new Map<string, Float64Array>();

  tag(tokens: readonly Token[]): string[] {
    return this.tagWithScores(tokens).tags;
  }

  /** Tags, and per token the scores of every tag from the token's own features (for confidence estimates). */
  tagWithScores(tokens: readonly Token[]): { tags: string[]; emissions: Float64Array[] } {
    const statics = staticFeatures(tokens, this.gazetteer, this.givenNames, this.commonWords);
    const emissions: Float64Array[] = [];
    const T = this.model.tags.length;
    const transition: TransitionScorer = (scores, i, prevTag) => {
      const key = `${prevTag}\u0000${statics[i][2]}`;
      let cached = this.transitions.get(key);
      if (!cached) {
        cached = new Float64Array(T);
        this.add(cached, tagFeatures(prevTag, statics[i]));
        if (this.transitions.size > 20000) this.transitions.clear();
        this.transitions.set(key, cached);
      }
      for (let k = 0; k < T; k++) scores[k] += cached[k];
    };
    const emit = (scores: Float64Array, features: readonly string[]) => {
      this.add(scores, features);
      emissions.push(Float64Array.from(scores));
    };
    const tags = viterbi(this.model.tags, statics, emit, transition).map(k => this.model.tags[k]);
    return { tags, emissions };
  }

  /** How features score: each feature string hashed, its weights looked up (feature extraction is features.ts's). */
  private add(scores: Float64Array, features: readonly string[]): void {
    for (const f of features) this.weights.add(scores, hashFeature(f));
  }
}
