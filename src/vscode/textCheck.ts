// Is the text in the editor an article at all? The editor has already decoded the file, so the core's byte rule
// (decodeArticle: NUL bytes = binary, invalid UTF-8 = not text) is applied to what decoding left behind: NUL
// characters, and U+FFFD replacement characters where bytes were not UTF-8.

export interface Unreadable {
  reason: string;
  /** The user may still ask for an analysis (a few replacement characters); never for a binary file. */
  overridable: boolean;
}

/** At least one replacement character per this many characters: the file was not UTF-8 (Latin-1, Windows-1252...). */
const REPLACEMENT_DENSITY = 1000;

export function unreadableText(text: string): Unreadable | undefined {
  if (text.includes('\u0000')) {
    return { reason: 'it looks like a binary file (it contains NUL characters), not a text article', overridable: false };
  }
  let replaced = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) replaced++;
  if (replaced > 0 && replaced * REPLACEMENT_DENSITY >= text.length) {
    return {
      reason: `${replaced} character(s) could not be decoded (shown as \uFFFD), so the file is probably not UTF-8. Reopen it with its encoding (Reopen with Encoding, e.g. Windows 1252), or annotate it anyway`,
      overridable: true,
    };
  }
  return undefined;
}
