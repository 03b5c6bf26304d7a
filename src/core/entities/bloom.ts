// A Bloom filter over lower-case words: membership of a 50,000-name list in about 80 KB instead of 450 KB.
// A false positive only ever means "this might be a given name", and the rules that ask combine it with other
// evidence (see refine.ts), so a 1% rate is harmless.
import { decodeBase64, encodeBase64, FNV_OFFSET, hashFeature, hashMore, hashMoreCode } from './model-codec';

export interface BloomData {
  bits: number;
  hashes: number;
  data: string;
}

// Two independent hashes combined (Kirsch-Mitzenmacher): h1 + i*h2 for the i-th probe.
function probes(word: string, bits: number, hashes: number): number[] {
  const h1 = hashFeature(word);
  const h2 = hashFeature(`\u0001${word}`) | 1;
  const out: number[] = [];
  for (let i = 0; i < hashes; i++) out.push(((h1 + Math.imul(i, h2)) >>> 0) % bits);
  return out;
}

const HASH_OF_U0001 = hashMoreCode(FNV_OFFSET, 1);

export function buildBloom(words: Iterable<string>, count: number, falsePositiveRate = 0.01): BloomData {
  const bits = Math.max(64, Math.ceil((-count * Math.log(falsePositiveRate)) / (Math.LN2 * Math.LN2)));
  const hashes = Math.max(1, Math.round((bits / count) * Math.LN2));
  const bytes = new Uint8Array(Math.ceil(bits / 8));
  for (const w of words) for (const p of probes(w, bits, hashes)) bytes[p >> 3] |= 1 << (p & 7);
  return { bits, hashes, data: encodeBase64(bytes) };
}

export class Bloom {
  private readonly bytes: Uint8Array;

  constructor(private readonly spec: BloomData) {
    this.bytes = decodeBase64(spec.data);
  }

  /** The probes of probes(), computed without an array or a string per word (asked for every capitalised token). */
  has(word: string): boolean {
    const { bits, hashes } = this.spec;
    const h1 = hashMore(FNV_OFFSET, word) >>> 0;
    const h2 = hashMore(HASH_OF_U0001, word) | 1;
    for (let i = 0; i < hashes; i++) {
      const p = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
      if (!(this.bytes[p >> 3] & (1 << (p & 7)))) return false;
    }
    return true;
  }
}
