// Turning an article file's bytes into text, or a reason it is not an article we can annotate.
// Offsets must agree with VS Code's, which drops a UTF-8 byte-order mark, so it is dropped here too.

/** Default largest article annotated (bytes); the CLI's --max-size and the editor's setting change it. */
export const DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

export type DecodedArticle = { ok: true; text: string } | { ok: false; reason: string };

export const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): DecodedArticle {
  if (bytes.length > maxBytes) {
    // just over the limit both round to the same size: then say it in bytes
    const [size, limit] =
      formatSize(bytes.length) === formatSize(maxBytes) ? [`${bytes.length} bytes`, `${maxBytes} bytes`] : [formatSize(bytes.length), formatSize(maxBytes)];
    return { ok: false, reason: `too large (${size}; the limit is ${limit})` };
  }
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    return { ok: false, reason: 'UTF-32 text; save it as UTF-8 first' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text; save it as UTF-8 first' };
  }
  const firstNul = bytes.indexOf(0);
  if (firstNul >= 0) {
    return {
      ok: false,
      reason: looksLikeUtf16(bytes) ? 'UTF-16 text without a byte-order mark; save it as UTF-8 first' : 'binary file (contains NUL bytes), not a text article',
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: `not UTF-8 text (invalid byte sequence at byte ${at}, line ${lineAt(bytes, at)}); convert it to UTF-8 first (it may be Latin-1 or Windows-1252)`,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** ASCII-range UTF-16 without a BOM: a NUL in (nearly) every other byte of the start. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let even = 0,
    odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= 0.9 * (n / 2) && Math.min(even, odd) === 0;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (what the fatal decoder rejected). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // second-byte ranges exclude overlong forms, UTF-16 surrogates and code points past U+10FFFF
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return b.length;
}

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 10) line++;
  return line;
}
