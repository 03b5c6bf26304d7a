// UTF-16 code unit offsets (the sidecar's, VS Code's) to Unicode code point offsets (brat's, Python's, W3C's).

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export class CodePointIndex {
  /** Code point offset of each UTF-16 offset 0..length; null when the text has no surrogate pair (both agree). */
  private readonly table: Uint32Array | null;

  constructor(private readonly text: string) {
    let astral = false;
    for (let i = 0; i + 1 < text.length; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        astral = true;
        break;
      }
    }
    if (!astral) {
      this.table = null;
      return;
    }
    const table = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      table[i] = cp;
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        // the offset between the halves maps to the pair's start; isBoundary() tells callers to refuse it
        table[++i] = cp;
      }
      cp++;
    }
    table[text.length] = cp;
    this.table = table;
  }

  toCodePoint(offset: number): number {
    return this.table ? this.table[offset] : offset;
  }

  /** False for an offset between the two halves of a surrogate pair: no code point offset exists there. */
  isBoundary(offset: number): boolean {
    return !(offset > 0 && offset < this.text.length && isHigh(this.text.charCodeAt(offset - 1)) && isLow(this.text.charCodeAt(offset)));
  }
}

/** Up to `max` code points of `text` ending at UTF-16 offset `end`, never starting inside a surrogate pair. */
export function codePointsBefore(text: string, end: number, max: number): string {
  let i = end;
  for (let n = 0; n < max && i > 0; n++) i -= i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : 1;
  return text.slice(i, end);
}

/** Up to `max` code points of `text` starting at UTF-16 offset `start`. */
export function codePointsAfter(text: string, start: number, max: number): string {
  let i = start;
  for (let n = 0; n < max && i < text.length; n++) i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return text.slice(start, i);
}
