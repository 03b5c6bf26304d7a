// The tagger's weights travel in the bundle as one base64 blob keyed by 32-bit feature hashes: about a third of
// the size of the same weights keyed by feature strings in JSON. Layout per feature (little-endian):
// u32 hash, u8 count, then count times (u8 tag index, i16 weight * scale).

/** FNV-1a over UTF-16 code units: the same on every platform, cheap enough to run per feature per token. */
export function hashFeature(s: string): number {
  return hashMore(FNV_OFFSET, s) >>> 0;
}

export const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a runs left to right, so the hash of `a + b` is hashMore(hashMore(FNV_OFFSET, a), b) >>> 0: a feature's hash
 * is computed from its parts without building its string.
 */
export function hashMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** hashMore over one UTF-16 code unit. */
export function hashMoreCode(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

export function decodeBase64(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (lookup[clean.charCodeAt(i)] << 18) |
      (lookup[clean.charCodeAt(i + 1)] << 12) |
      (Math.max(0, lookup[clean.charCodeAt(i + 2)] ?? 0) << 6) |
      Math.max(0, lookup[clean.charCodeAt(i + 3)] ?? 0);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** feature hash -> flat [tagIndex, weight, ...] */
export type WeightTable = Map<number, number[]>;

export function encodeWeights(table: WeightTable, scale: number): string {
  const bytes: number[] = [];
  for (const [hash, flat] of table) {
    bytes.push(hash & 255, (hash >>> 8) & 255, (hash >>> 16) & 255, (hash >>> 24) & 255, flat.length / 2);
    for (let i = 0; i < flat.length; i += 2) {
      const w = Math.max(-32768, Math.min(32767, Math.round(flat[i + 1] * scale)));
      bytes.push(flat[i], w & 255, (w >> 8) & 255);
    }
  }
  return encodeBase64(Uint8Array.from(bytes));
}

export function decodeWeights(blob: string, scale: number): WeightTable {
  const b = decodeBase64(blob);
  const table: WeightTable = new Map();
  let i = 0;
  while (i + 5 <= b.length) {
    const hash = (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
    const n = b[i + 4];
    i += 5;
    const flat: number[] = [];
    for (let k = 0; k < n && i + 3 <= b.length; k++, i += 3) {
      const raw = b[i + 1] | (b[i + 2] << 8);
      flat.push(b[i], (raw >= 32768 ? raw - 65536 : raw) / scale);
    }
    table.set(hash, flat);
  }
  return table;
}

/**
 * The decoded weights as the tagger reads them: one open-addressing hash table of feature hashes over typed
 * arrays (no object per feature: 17k small arrays in a Map cost start-up time and garbage collection). `tags` and
 * `weights` hold each feature's (tag index, weight) pairs in the order stored, so scores add up in the same order,
 * to the same doubles, as with the WeightTable.
 */
export interface WeightIndex {
  /** Adds the weights of the feature with this hash to `scores` from `offset` (one slot per tag); nothing when it has none. */
  add(scores: Float64Array, hash: number, offset?: number): void;
  /** Where the feature with this hash is kept, or -1 when it has no weights: for callers that remember it (addAt). */
  find(hash: number): number;
  /** add() for a feature found with find(); nothing for -1. */
  addAt(scores: Float64Array, slot: number, offset: number): void;
}

class TypedWeightIndex implements WeightIndex {
  constructor(
    private readonly mask: number,
    /** The feature hash of each slot, as a signed 32-bit integer. */
    private readonly keys: Int32Array,
    /** Per slot: the index of its first pair * 256 + its number of pairs; -1 for an empty slot. */
    private readonly where: Int32Array,
    private readonly tags: Uint8Array,
    private readonly weights: Float64Array,
  ) {}

  find(hash: number): number {
    const h = hash | 0;
    let slot = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const w = this.where[slot];
      if (w < 0) return -1;
      if (this.keys[slot] === h) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  addAt(scores: Float64Array, slot: number, offset: number): void {
    if (slot < 0) return;
    const w = this.where[slot];
    const end = (w >> 8) + (w & 255);
    for (let j = w >> 8; j < end; j++) scores[offset + this.tags[j]] += this.weights[j];
  }

  add(scores: Float64Array, hash: number, offset = 0): void {
    this.addAt(scores, this.find(hash), offset);
  }
}

export function decodeWeightIndex(blob: string, scale: number): WeightIndex {
  const b = decodeBase64(blob);
  // first pass: how many features and pairs
  let features = 0;
  let pairs = 0;
  for (let i = 0; i + 5 <= b.length;) {
    const n = b[i + 4];
    i += 5;
    const k = Math.min(n, Math.floor((b.length - i) / 3));
    pairs += k;
    i += k * 3;
    features++;
  }
  let size = 1;
  while (size < features * 2) size <<= 1;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const where = new Int32Array(size).fill(-1);
  const tags = new Uint8Array(pairs);
  const weights = new Float64Array(pairs);
  let p = 0;
  for (let i = 0; i + 5 <= b.length;) {
    const hash = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    const n = b[i + 4];
    i += 5;
    let slot = Math.imul(hash, 0x9e3779b1) & mask;
    while (where[slot] >= 0 && keys[slot] !== hash) slot = (slot + 1) & mask;
    // a hash stored twice: the later one wins, as Map.set does
    keys[slot] = hash;
    const first = p;
    let k = 0;
    for (; k < n && i + 3 <= b.length; k++, i += 3) {
      const raw = b[i + 1] | (b[i + 2] << 8);
      tags[p] = b[i];
      weights[p++] = (raw >= 32768 ? raw - 65536 : raw) / scale;
    }
    where[slot] = first * 256 + k;
  }
  return new TypedWeightIndex(mask, keys, where, tags, weights);
}
