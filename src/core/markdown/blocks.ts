// Where a Markdown document may be cut into blocks that parse alone as they parse in the whole document, so an
// edit re-parses only the block it touched (the Markdown parser costs about a second per megabyte).
//
// A cut is only proposed where CommonMark starts afresh: after a blank line, before a line that starts at column 0
// with a non-blank character. There every container (list item, block quote) and every leaf block ends, except an
// unclosed fenced code block, an HTML block that only ends at its end marker (<script>, <!--, <?, <!X, <![CDATA[),
// and front matter. Those are not guessed here: the parser says whether the block before a cut left one open
// (see ./mask.ts), and the cut is then dropped.

/**
 * Offsets where a block may start, from `from` (itself first, a line start), in increasing order. One pass over
 * the characters.
 */
export function candidateCuts(text: string, from = 0): number[] {
  const cuts = [from];
  let previousBlank = false;
  let blank = true;
  let lineStart = from;
  for (let i = from; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : LF;
    if (c !== LF && c !== CR) {
      if (blank && !isSpace(c)) {
        // the line's first non-blank character: a cut when it is at column 0 after a blank line
        if (previousBlank && i === lineStart && lineStart > from) cuts.push(lineStart);
        blank = false;
      }
      continue;
    }
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    previousBlank = blank;
    blank = true;
    lineStart = i + 1;
  }
  return cuts;
}

const LF = 0x0a;
const CR = 0x0d;

/** Space or tab: what CommonMark counts as indentation and as a blank line's content. */
const isSpace = (c: number) => c === 0x20 || c === 0x09;
