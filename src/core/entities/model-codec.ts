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

/** hashMore(h, s.slice(from, to)), without making the slice. */
export function hashMoreRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
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

/** In decodeBase64's lookup table: a character outside the alphabet (a sextet is 0-63). */
const NOT_BASE64 = 64;

/**
 * Bytes of a base64 string. The model's weights (265 KB of base64) and the given-names filter are decoded in every
 * fresh process, in code not yet compiled: the usual string (the alphabet, then at most two '=') takes one loop of
 * four lookups per three bytes, which also notes any other character (a code above 127, or one the table marks
 * NOT_BASE64) instead of a regular-expression scan of the whole string first (~5 ms of start-up, issue 14); such a
 * text (line breaks, stray characters) is then decoded again, cleaned first, as before.
 */
export function decodeBase64(s: string): Uint8Array {
  const lookup = new Uint8Array(128).fill(NOT_BASE64);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (s.length - end > 2) return decodeBase64Lenient(s);
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  const full = end - (end % 4);
  let o = 0;
  let i = 0;
  // codes: every character code or-ed (above 127: not ASCII); sextets: every looked-up value or-ed (NOT_BASE64 set: not the alphabet)
  let codes = 0;
  let sextets = 0;
  for (; i < full; i += 4) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
    codes |= c0 | c1 | c2 | c3;
    const a = lookup[c0 & 127];
    const b = lookup[c1 & 127];
    const c = lookup[c2 & 127];
    const d = lookup[c3 & 127];
    sextets |= a | b | c | d;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  // the last 2 or 3 characters: 1 or 2 bytes (a lone last character holds no whole byte)
  if (i < end) {
    for (let k = i; k < end; k++) {
      codes |= s.charCodeAt(k);
      sextets |= lookup[s.charCodeAt(k) & 127];
    }
    const n =
      (lookup[s.charCodeAt(i) & 127] << 18) |
      (i + 1 < end ? lookup[s.charCodeAt(i + 1) & 127] << 12 : 0) |
      (i + 2 < end ? lookup[s.charCodeAt(i + 2) & 127] << 6 : 0);
    if (o < out.length) out[o] = n >> 16;
    if (o + 1 < out.length) out[o + 1] = (n >> 8) & 255;
  }
  return codes > 127 || (sextets & NOT_BASE64) !== 0 ? decodeBase64Lenient(s) : out;
}

/** decodeBase64 for any text: characters outside the alphabet (and '=' anywhere) are dropped first. */
function decodeBase64Lenient(s: string): Uint8Array {
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
    /**
     * Two numbers per slot, side by side so that a probe reads one cache line: the feature's hash (as a signed
     * 32-bit integer), then its first pair * 256 + its number of pairs (-1: an empty slot).
     */
    private readonly slots: Int32Array,
    /** Per pair: the weight as stored (before dividing by the scale) * 256 + the tag index. */
    private readonly pairs: Int32Array,
    private readonly scale: number,
  ) {}

  find(hash: number): number {
    const h = hash | 0;
    const slots = this.slots;
    let slot = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const w = slots[2 * slot + 1];
      if (w < 0) return -1;
      if (slots[2 * slot] === h) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  addAt(scores: Float64Array, slot: number, offset: number): void {
    if (slot < 0) return;
    const w = this.slots[2 * slot + 1];
    const end = (w >> 8) + (w & 255);
    // the weight divided here rather than kept as a double: the same double (raw / scale), a quarter of the memory
    for (let j = w >> 8; j < end; j++) {
      const pair = this.pairs[j];
      scores[offset + (pair & 255)] += (pair >> 8) / this.scale;
    }
  }

  add(scores: Float64Array, hash: number, offset = 0): void {
    this.addAt(scores, this.find(hash), offset);
  }
}

export function decodeWeightIndex(blob: string, scale: number): WeightIndex {
  const b = decodeBase64(blob);
  // first pass: how many features and pairs
  let features = 0;
  let pairCount = 0;
  for (let i = 0; i + 5 <= b.length;) {
    const n = b[i + 4];
    i += 5;
    const k = Math.min(n, Math.floor((b.length - i) / 3));
    pairCount += k;
    i += k * 3;
    features++;
  }
  let size = 1;
  while (size < features * 1.5) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  for (let s = 1; s < slots.length; s += 2) slots[s] = -1;
  const pairs = new Int32Array(pairCount);
  let p = 0;
  for (let i = 0; i + 5 <= b.length;) {
    const hash = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    const n = b[i + 4];
    i += 5;
    let slot = Math.imul(hash, 0x9e3779b1) & mask;
    while (slots[2 * slot + 1] >= 0 && slots[2 * slot] !== hash) slot = (slot + 1) & mask;
    // a hash stored twice: the later one wins, as Map.set does
    slots[2 * slot] = hash;
    const first = p;
    let k = 0;
    for (; k < n && i + 3 <= b.length; k++, i += 3) {
      const raw = b[i + 1] | (b[i + 2] << 8);
      pairs[p++] = (raw >= 32768 ? raw - 65536 : raw) * 256 + b[i];
    }
    slots[2 * slot + 1] = first * 256 + k;
  }
  return new TypedWeightIndex(mask, slots, pairs, scale);
}
