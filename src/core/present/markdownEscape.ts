// Article text is untrusted. It reaches Markdown (hovers) only through escapeMarkdown, and notifications, status
// messages and quick picks only through plainText. test/support/present-properties.ts fuzzes escapeMarkdown.
import { shorten } from './shorten';

/**
 * Characters that end a line for some reader (CommonMark, VS Code, Python's `str.splitlines()`): folded to one
 * space, since a line break in a hover could start a new block (a heading, a list, a code block).
 */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
const LINE_BREAKS = /[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+/g;
/** CommonMark allows a backslash before every ASCII punctuation character, and only before those. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** Whitespace at either end: a renderer trims it, or reads leading spaces as a code block's indentation. */
const EDGE_WHITESPACE = /^\s+|\s+$/g;

/**
 * The text as Markdown that renders to exactly that text on one line. Every ASCII punctuation character is
 * backslash-escaped, which also breaks emphasis, code spans, links, autolinks (`https\:`, `www\.`) and raw HTML
 * (`\<`); line breaks become spaces; whitespace at the ends becomes numeric character references so it is kept
 * and never indents; NUL becomes U+FFFD, as CommonMark requires of renderers.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\0/g, '\uFFFD')
    .replace(LINE_BREAKS, ' ')
    .replace(ASCII_PUNCTUATION, ch => '\\' + ch)
    .replace(EDGE_WHITESPACE, ws => Array.from(ws, ch => `&#${ch.codePointAt(0)};`).join(''));
}

/**
 * Article text for notifications, status messages and quick picks, which render `[label](command:...)` links and
 * `$(icon)` syntax: a zero-width space breaks both without changing what the user reads.
 */
export function plainText(text: string, max = 120): string {
  return shorten(text.replace(/\s+/g, ' ').replace(/\]\(/g, ']\u200b(').replace(/\$\(/g, '$\u200b('), max);
}
