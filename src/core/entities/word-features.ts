// What the tagger's features read of one word, kept per distinct token text. Most features of a token have one
// word as their value (its own: `w=`, `s=`, the affixes; a neighbour's: `pw=`, `ns=`, ...), so their places in the
// weight table are hashed once per word rather than once per token, and the word's lower-cased form and shape are
// made once: the per-token strings and hashing were the tagger's main cost and much of the analysis' garbage.
import type { Bloom } from './bloom';
import { acronymValue, F, FEATURE_NAMES, isGiven, normalise, shape } from './features';
import { FNV_OFFSET, hashMore, hashMoreCode, hashMoreRange, type WeightIndex } from './model-codec';

// Module-local references to the hashing functions, called per token: an imported binding may be a getter (tsx,
// which the bench and tests run under, compiles imports so).
const mix = hashMore;
const mixCode = hashMoreCode;

// A word's slots (WeightIndex.find of the feature with the word as its value; -1: no weights), SLOTS per word.
export const W = 0;
export const S = 1;
export const P3 = 2;
export const X3 = 3;
export const X2 = 4;
export const PW = 5;
export const NW = 6;
export const PPW = 7;
export const NNW = 8;
export const PS = 9;
export const NS = 10;
export const ST_S = 11;
export const UC_S = 12;
export const UC_W = 13;
/** `acr` with the word's length, for a word in capitals; -1 otherwise (adding slot -1 adds nothing, as no feature does). */
export const ACR = 14;
export const GN_NS = 15;
export const PGN_S = 16;
/** Not a slot: the hash of `ps|s|ns=` followed by the word's shape, where the three-shape feature goes on from. */
export const TRIPLE = 17;
export const SLOTS = 18;

// Flags per word.
export const GIVEN_IN_TEXT = 1;
export const GIVEN_IN_CAPITALS = 2;
export const COMMON = 4;

/** Ids are dense from 0; past this many words the table starts again (a unit never holds more tokens than fit). */
const MAX_WORDS = 1 << 16;

export class WordTable {
  /** Per-feature-name hash of the name (hashMore over FEATURE_NAMES[k]). */
  readonly nameHashes = Int32Array.from(FEATURE_NAMES, n => hashMore(FNV_OFFSET, n));
  // the words by id, found through an open-addressing table of their hashes: a Map keyed by each token's fresh
  // string hashed it in the runtime (a call out of the compiled code per token)
  private readonly texts: string[] = [];
  private hashes = new Int32Array(0);
  private table = new Int32Array(0);
  slots = new Int32Array(0);
  flags = new Uint8Array(0);
  /**
   * Per word, T scores: the weights of its first features (`b`, `w=`, `s=`, the affixes), summed from zero in
   * emitFeatures' order. A token's scores start from zero and begin with these same additions, so copying the sums
   * gives the very doubles adding them per token gave.
   */
  prefix = new Float64Array(0);
  readonly lower: string[] = [];
  readonly shapes: string[] = [];
  readonly transitions: Float64Array[] = [];
  /** The slots of the unit's edges: `<s>` before the first token (PW, PPW, PS, TRIPLE), `</s>` after the last (NW, NNW, NS, GN_NS). */
  readonly edges = new Int32Array(SLOTS);
  /** The slot of `b`, every token's first feature. */
  private readonly bias: number;

  constructor(
    private readonly weights: WeightIndex,
    private readonly T: number,
    private readonly givenNames: Bloom,
    private readonly commonWords: ReadonlySet<string> | undefined,
    private readonly transitionsFor: (shape: string) => Float64Array,
  ) {
    const slot = (name: number, value: string) => weights.find(hashMore(this.nameHashes[name], value));
    this.edges[PW] = slot(F['pw='], '<s>');
    this.edges[PPW] = slot(F['ppw='], '<s>');
    this.edges[PS] = slot(F['ps='], '<s>');
    this.edges[TRIPLE] = hashMore(this.nameHashes[F['ps|s|ns=']], '<s>');
    this.edges[NW] = slot(F['nw='], '</s>');
    this.edges[NNW] = slot(F['nnw='], '</s>');
    this.edges[NS] = slot(F['ns='], '</s>');
    this.edges[GN_NS] = slot(F['gn|ns='], '</s>');
    this.bias = weights.find(this.nameHashes[F.b]);
  }

  /** Makes room for a unit of `n` tokens: ids given out before may be forgotten, ids given out after stay valid until the next call. */
  reserve(n: number): void {
    if (this.texts.length + n > Math.max(MAX_WORDS, n)) {
      this.texts.length = 0;
      this.lower.length = 0;
      this.shapes.length = 0;
      this.transitions.length = 0;
      this.table.fill(-1);
    }
    const need = this.texts.length + n;
    if (need > this.flags.length) {
      // a power of two, as the table's mask needs
      let capacity = Math.max(2 * this.flags.length, 1024);
      while (capacity < need) capacity *= 2;
      const grow = <A extends Int32Array | Uint8Array | Float64Array>(old: A, made: A): A => (made.set(old), made);
      this.slots = grow(this.slots, new Int32Array(capacity * SLOTS));
      this.prefix = grow(this.prefix, new Float64Array(capacity * this.T));
      this.flags = grow(this.flags, new Uint8Array(capacity));
      this.hashes = grow(this.hashes, new Int32Array(capacity));
      // at most half full
      this.table = new Int32Array(2 * capacity).fill(-1);
      const mask = this.table.length - 1;
      for (let id = 0; id < this.texts.length; id++) {
        let slot = this.hashes[id] & mask;
        while (this.table[slot] >= 0) slot = (slot + 1) & mask;
        this.table[slot] = id;
      }
    }
  }

  /** The id of the word (a token's text), its data computed on first sight. */
  id(text: string): number {
    const hash = mix(FNV_OFFSET, text);
    const table = this.table;
    const mask = table.length - 1;
    let at = hash & mask;
    for (let known = table[at]; known >= 0; known = table[at]) {
      if (this.texts[known] === text) return known;
      at = (at + 1) & mask;
    }
    return this.learn(text, hash, at);
  }

  /** A word seen for the first time: its data, under a new id at the free place `at` of the table. */
  private learn(text: string, hash: number, at: number): number {
    const id = this.texts.length;
    this.table[at] = id;
    this.texts.push(text);
    this.hashes[id] = hash;
    const norm = normalise(text);
    const w = norm.toLowerCase();
    const s = shape(norm);
    this.lower.push(w);
    this.shapes.push(s);
    this.transitions.push(this.transitionsFor(s));
    const h = this.nameHashes;
    const find = (name: number, value: string) => this.weights.find(hashMore(h[name], value));
    const o = id * SLOTS;
    const slots = this.slots;
    slots[o + W] = find(F['w='], w);
    slots[o + S] = find(F['s='], s);
    slots[o + P3] = this.weights.find(hashMoreRange(h[F['p3=']], w, 0, Math.min(3, w.length)));
    slots[o + X3] = this.weights.find(hashMoreRange(h[F['x3=']], w, Math.max(0, w.length - 3), w.length));
    slots[o + X2] = this.weights.find(hashMoreRange(h[F['x2=']], w, Math.max(0, w.length - 2), w.length));
    slots[o + PW] = find(F['pw='], w);
    slots[o + NW] = find(F['nw='], w);
    slots[o + PPW] = find(F['ppw='], w);
    slots[o + NNW] = find(F['nnw='], w);
    slots[o + PS] = find(F['ps='], s);
    slots[o + NS] = find(F['ns='], s);
    slots[o + ST_S] = find(F['st|s='], s);
    slots[o + UC_S] = find(F['uc|s='], s);
    slots[o + UC_W] = find(F['uc|w='], w);
    const acr = acronymValue(text, w);
    slots[o + ACR] = acr === undefined ? -1 : find(F.acr, acr);
    slots[o + GN_NS] = find(F['gn|ns='], s);
    slots[o + PGN_S] = find(F['pgn|s='], s);
    slots[o + TRIPLE] = hashMore(h[F['ps|s|ns=']], s);
    this.flags[id] =
      (isGiven(this.givenNames, text, w, false) ? GIVEN_IN_TEXT : 0) |
      (isGiven(this.givenNames, text, w, true) ? GIVEN_IN_CAPITALS : 0) |
      (this.commonWords?.has(w) ? COMMON : 0);
    const T = this.T;
    for (let k = 0; k < T; k++) this.prefix[id * T + k] = 0;
    this.weights.addAt(this.prefix, this.bias, id * T);
    for (let k = W; k <= X2; k++) this.weights.addAt(this.prefix, slots[o + k], id * T);
    return id;
  }
}

const PIPE = 124; // '|'

/**
 * Adds to `emissions` (T slots per token, zeros) the weights of every tag-independent feature of the unit's tokens: the
 * features of emitFeatures() in its very order (so the same doubles), read from the words' slots; only the features
 * of two or three values (`ps|s|ns=`, the name lists') are hashed here. test/unit/core/entities/tagger-fast-path
 * checks the scores against the feature strings.
 */
export function scoreUnit(
  words: WordTable,
  weights: WeightIndex,
  tokens: readonly { sentenceStart: boolean }[],
  ids: Int32Array,
  gaz: readonly (readonly string[])[],
  upperUnit: boolean,
  emissions: Float64Array,
  T: number,
): void {
  const n = tokens.length;
  const sl = words.slots;
  const flags = words.flags;
  const edges = words.edges;
  const shapes = words.shapes;
  const nh = words.nameHashes;
  const given = upperUnit ? GIVEN_IN_CAPITALS : GIVEN_IN_TEXT;
  const prefix = words.prefix;
  const uc = weights.find(nh[F.uc]);
  const commonInCapitals = weights.find(nh[F['cw|uc']]);
  const gn = weights.find(nh[F.gn]);
  for (let i = 0; i < n; i++) {
    const off = i * T;
    const id = ids[i];
    const o = id * SLOTS;
    const prev = i > 0 ? ids[i - 1] * SLOTS : -1;
    const next = i + 1 < n ? ids[i + 1] * SLOTS : -1;
    // b, w=, s= and the affixes: the word's sums (emissions start at zero)
    for (let k = 0, p = id * T; k < T; k++) emissions[off + k] = prefix[p + k];
    weights.addAt(emissions, prev >= 0 ? sl[prev + PW] : edges[PW], off);
    weights.addAt(emissions, next >= 0 ? sl[next + NW] : edges[NW], off);
    weights.addAt(emissions, i > 1 ? sl[ids[i - 2] * SLOTS + PPW] : edges[PPW], off);
    weights.addAt(emissions, i + 2 < n ? sl[ids[i + 2] * SLOTS + NNW] : edges[NNW], off);
    weights.addAt(emissions, prev >= 0 ? sl[prev + PS] : edges[PS], off);
    weights.addAt(emissions, next >= 0 ? sl[next + NS] : edges[NS], off);
    const s = shapes[id];
    let h = mix(mixCode(prev >= 0 ? sl[prev + TRIPLE] : edges[TRIPLE], PIPE), s);
    h = mix(mixCode(h, PIPE), next >= 0 ? shapes[ids[i + 1]] : '</s>');
    weights.addAt(emissions, weights.find(h), off);
    if (tokens[i].sentenceStart) weights.addAt(emissions, sl[o + ST_S], off);
    if (upperUnit) {
      weights.addAt(emissions, uc, off);
      weights.addAt(emissions, sl[o + UC_S], off);
      weights.addAt(emissions, sl[o + UC_W], off);
    }
    weights.addAt(emissions, sl[o + ACR], off);
    if (upperUnit && flags[id] & COMMON) weights.addAt(emissions, commonInCapitals, off);
    if (flags[id] & given) {
      weights.addAt(emissions, gn, off);
      weights.addAt(emissions, next >= 0 ? sl[next + GN_NS] : edges[GN_NS], off);
    }
    if (i > 0 && flags[ids[i - 1]] & given) weights.addAt(emissions, sl[o + PGN_S], off);
    const own = gaz[i];
    for (let k = 0; k < own.length; k++) {
      weights.addAt(emissions, weights.find(mix(nh[F['g=']], own[k])), off);
      weights.addAt(emissions, weights.find(mix(mixCode(mix(nh[F['g|s=']], own[k]), PIPE), s)), off);
    }
    if (i > 0) for (let k = 0, g = gaz[i - 1]; k < g.length; k++) weights.addAt(emissions, weights.find(mix(nh[F['pg=']], g[k])), off);
    if (i + 1 < n) for (let k = 0, g = gaz[i + 1]; k < g.length; k++) weights.addAt(emissions, weights.find(mix(nh[F['ng=']], g[k])), off);
  }
}
