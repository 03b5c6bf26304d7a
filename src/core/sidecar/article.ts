// Turning an article file's bytes into text, or a reason it is not an article we can annotate.
// Offsets must agree with VS Code's, which drops a UTF-8 byte-order mark, so it is dropped here too.

/** Default largest article annotated (bytes); the CLI's --max-size and the editor's setting change it. */
export const DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

export type DecodedArticle =
  | { ok: true; text: string }
  | { ok: false; reason: string };

export const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): DecodedArticle {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `too large (${formatSize(bytes.length)}; the limit is ${formatSize(maxBytes)})` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text; save it as UTF-8 first' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text article' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8 text (invalid byte sequence); convert it to UTF-8 first' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
