// Greedy left-to-right averaged-perceptron tagger (BIO over PER/LOC/ORG/MISC). The weights are learnt from
// CoNLL-2003 eng.train by scripts/build-entity-data.ts; tagging is one pass, a few map look-ups per token.
import { staticFeatures, tagFeatures } from './features';
import type { Gazetteer } from './gazetteer';
import { decodeWeights, hashFeature, type WeightTable } from './model-codec';
import type { Token } from './tokenize';

export interface TaggerModel {
  tags: string[];
  /** Weights are stored multiplied by this and rounded to integers. */
  scale: number;
  /** See model-codec.ts. */
  weights: string;
}

/** A tag sequence is well-formed when I-X only follows B-X or I-X. */
export function allowed(prev: string, tag: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

export class Tagger {
  private readonly weights: WeightTable;

  constructor(private readonly model: TaggerModel, private readonly gazetteer: Gazetteer) {
    this.weights = decodeWeights(model.weights, model.scale);
  }

  tag(tokens: readonly Token[]): string[] {
    const { tags } = this.model;
    const statics = staticFeatures(tokens, this.gazetteer);
    const out: string[] = [];
    const scores = new Float64Array(tags.length);
    let prev = '<s>';
    let prev2 = '<s>';
    for (let i = 0; i < tokens.length; i++) {
      scores.fill(0);
      this.add(scores, statics[i]);
      this.add(scores, tagFeatures(prev, prev2, statics[i]));
      let best = 0;
      let bestScore = -Infinity;
      for (let k = 0; k < tags.length; k++) {
        if (scores[k] > bestScore && allowed(prev, tags[k])) { best = k; bestScore = scores[k]; }
      }
      out.push(tags[best]);
      prev2 = prev;
      prev = tags[best];
    }
    return out;
  }

  private add(scores: Float64Array, features: readonly string[]): void {
    for (const f of features) {
      const w = this.weights.get(hashFeature(f));
      if (!w) continue;
      for (let j = 0; j < w.length; j += 2) scores[w[j]] += w[j + 1];
    }
  }
}
