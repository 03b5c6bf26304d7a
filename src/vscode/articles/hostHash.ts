// The article's SHA-256 for its sidecar, from the host: crypto.subtle exists in both extension hosts (Node and the web
// worker) and hashes natively, off the JavaScript thread in the browser; the core's pure-JavaScript hash is the
// fallback (both hash the text's UTF-8 as TextEncoder gives it). Called only when a save writes a text typed since
// the last hash (ArticleSession's hashText).
import { sha256Hex } from '../../core';

export async function hostSha256(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(text);
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
