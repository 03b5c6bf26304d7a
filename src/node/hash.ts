// SHA-256 of a text's UTF-8 encoding, lowercase hex, through Node's native crypto: the same digest as the core's
// sha256Hex (lone surrogates become U+FFFD in both), many times faster. The Node hosts (the CLI, the editor's Node
// entry) index a corpus by comparing each article's hash with its sidecar's, so this is on every article's path.
import { createHash } from 'node:crypto';

export function sha256HexNative(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
