// The corpus snapshot's numbers as one string after its JSON part (snapshotJson.ts). A JSON array of ~1,000,000
// numbers takes JSON.parse tens of ms and makes JS arrays the collector then copies; a string of printable ASCII is
// decoded instead: when the snapshot is parsed, only each article's head (NumberDecoder; its body passed over), and an
// article's body once, when the article is taken (BodyDecoder, its checksum worked out in the same pass), into one small typed array
// used again for every article. Nothing else is kept: a fresh 4 MiB typed array for all of them costs ~15 ms of page
// faults on a VM. (Decoding a number at a time straight into the objects was tried: its ~15 calls are too many for
// V8 to inline into the take, and the calls made the take 3x slower.)
//
// Each number (a non-negative integer) is written as base-57 "more" digits, most significant first, then one base-34
// "last" digit: n = (more digits' value) * 34 + last. The two digit ranges are contiguous runs of printable ASCII
// without `"` and `\`, so a character of neither range is corruption. Numbers under 34 take one character, under
// 1,938 two, under 110,466 three.
//
// 32-bit FNV-1a checksums are written with them: one of each article's body, and one of the rest (the heads and the
// linking's record) and the snapshot's strings table (stringsChecksum). A character changed anywhere is noticed, not
// read as another number: in a head, when the snapshot is parsed; in a body, when its article is taken (a body is
// read once: checked where it is decoded, not in a pass of its own over the whole snapshot when it is parsed).

/** '#' .. '[': a digit with more to follow. */
const MORE = 0x23;
const MORE_BASE = 57;
const MORE_END = MORE + MORE_BASE;
/** ']' .. '~': a number's last digit. */
const LAST = 0x5d;
const LAST_BASE = 34;
const LAST_END = LAST + LAST_BASE;
/** The largest number written: above any count, index or offset a snapshot holds. */
export const MAX_NUMBER = 2 ** 29;
/** The most the "more" digits may add up to: a longer run of digits is corruption (and every value read a small integer). */
const MAX_MORE = Math.floor(MAX_NUMBER / LAST_BASE);
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Mixed in after each string of the table: no character code is as high, so "ab","c" and "a","bc" differ. */
const STRING_END = 0x10000;

const ascii = new TextDecoder();

/** Collects numbers as the characters that encode them. */
export class NumberWriter {
  private codes = new Uint8Array(1 << 16);
  /** How many characters are written: setting it back drops what was written since. */
  length = 0;

  push(n: number): void {
    if (!(n >= 0 && n <= MAX_NUMBER && Math.floor(n) === n)) throw new RangeError(`the snapshot holds integers in 0..${MAX_NUMBER}, not ${n}`);
    // at most 5 "more" digits and the last one
    if (this.length + 6 > this.codes.length) {
      const wider = new Uint8Array(this.codes.length * 2);
      wider.set(this.codes);
      this.codes = wider;
    }
    const last = n % LAST_BASE;
    let more = (n - last) / LAST_BASE;
    const digits = widthOf(n) - 1;
    // most significant first: written from the right
    for (let i = this.length + digits - 1; i >= this.length; i--) {
      const d = more % MORE_BASE;
      this.codes[i] = MORE + d;
      more = (more - d) / MORE_BASE;
    }
    this.length += digits;
    this.codes[this.length++] = LAST + last;
  }

  /** `checksum` continued over the characters from `from` to `to` (numbersChecksum of the text they make). */
  checksum(from: number, to: number, checksum = FNV_OFFSET): number {
    const codes = this.codes;
    let h = checksum;
    for (let i = from; i < to; i++) h = Math.imul(h ^ codes[i], FNV_PRIME);
    return h;
  }

  toString(): string {
    // every code is printable ASCII, which UTF-8 decodes as itself: the engine's decoder makes the string at once
    // (String.fromCharCode over slices of the codes took some 20 ms for a 2,000-article snapshot's 1.5 million)
    return ascii.decode(this.codes.subarray(0, this.length));
  }
}

/** How many characters NumberWriter.push writes for `n`. */
export function widthOf(n: number): number {
  let width = 1;
  for (let m = Math.floor(n / LAST_BASE); m > 0; m = Math.floor(m / MORE_BASE)) width++;
  return width;
}

/**
 * The numbers decoded last (NumberDecoder.read): one array for all articles, made larger when an article needs it. A
 * decoded article is used before the next is decoded (parsing and taking an article are synchronous).
 */
let scratch = new Int32Array(1 << 12);

/** Decodes the numbers of `text` from `at` on, a run at a time, keeping the checksum of the characters decoded. */
export class NumberDecoder {
  checksum = FNV_OFFSET;
  constructor(
    readonly text: string,
    public at: number,
  ) {}

  /**
   * The next `count` numbers, in the first `count` places of an array that the next call reuses; undefined when they
   * are not there (past the end, a character of neither range, a number too large).
   */
  read(count: number): Int32Array | undefined {
    const text = this.text;
    // every number takes a character at least: a larger count is corruption (and makes no huge array)
    if (!(count >= 0 && count <= text.length - this.at)) return undefined;
    if (count > scratch.length) scratch = new Int32Array(2 ** Math.ceil(Math.log2(count)));
    const out = scratch;
    let i = this.at;
    let h = this.checksum;
    let v = 0;
    let o = 0;
    while (o < count) {
      if (i >= text.length) return undefined;
      const c = text.charCodeAt(i++);
      h = Math.imul(h ^ c, FNV_PRIME);
      if (c >= LAST) {
        if (c >= LAST_END) return undefined;
        out[o++] = v * LAST_BASE + (c - LAST);
        v = 0;
      } else {
        v = v * MORE_BASE + (c - MORE);
        if (c < MORE || c >= MORE_END || v > MAX_MORE) return undefined;
      }
    }
    this.at = i;
    this.checksum = h;
    return out;
  }

  /**
   * Passes over the next `length` characters (an article's body: decoded, and its own checksum checked, when it is
   * taken: snapshotTake.ts); false when they are not there.
   */
  pass(length: number): boolean {
    if (!(length >= 0 && length <= this.text.length - this.at)) return false;
    this.at += length;
    return true;
  }
}

/**
 * Decodes an article's body when the article is taken (snapshotTake.ts): all its numbers in one tight loop into one array
 * used again for every article (the objects are then made from the array; the checksum was checked when the snapshot
 * was parsed).
 */
export class BodyDecoder {
  /** The numbers decoded last, in the first places. */
  numbers = new Int32Array(1 << 12);
  /** The checksum of the characters decoded last (numbersChecksum of the same span), when they decoded. */
  checksum = FNV_OFFSET;

  /** How many numbers `text` holds from `from` to `to`; -1 when it is not numbers (a character of neither range, a number cut or too large). */
  decode(text: string, from: number, to: number): number {
    // every number takes a character at least
    if (to - from > this.numbers.length) this.numbers = new Int32Array(2 ** Math.ceil(Math.log2(to - from)));
    const out = this.numbers;
    let h = FNV_OFFSET;
    let v = 0;
    let o = 0;
    let more = false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ c, FNV_PRIME);
      if (c >= LAST) {
        if (c >= LAST_END) return -1;
        out[o++] = v * LAST_BASE + (c - LAST);
        v = 0;
        more = false;
      } else {
        v = v * MORE_BASE + (c - MORE);
        if (c < MORE || c >= MORE_END || v > MAX_MORE) return -1;
        more = true;
      }
    }
    this.checksum = h;
    return more ? -1 : o;
  }
}

/**
 * The checksum of `text` from `from` to `to`, continuing `checksum`: what a NumberDecoder reading those characters, or
 * a BodyDecoder decoding them, ends with.
 */
export function numbersChecksum(text: string, from = 0, to = text.length, checksum = FNV_OFFSET): number {
  let h = checksum;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** `checksum` continued over the strings table (each string's characters, then an end mark). */
export function stringsChecksum(strings: readonly string[], checksum: number): number {
  let h = checksum;
  for (let k = 0; k < strings.length; k++) {
    const s = strings[k];
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    h = Math.imul(h ^ STRING_END, FNV_PRIME);
  }
  return h;
}
