// Markdown markup is not article text: a link's destination (`https://en.wikipedia.org/wiki/Angela_Merkel`) must
// not become a person, nor `Moscow` in a URL a place. maskMarkdown() blanks what a reader never sees as text, so
// the analysis runs over the prose only while every offset stays that of the document:
//   link and image destinations, titles and reference labels (`(url "title")`, `[label]`) and their brackets;
//   reference definitions; autolinks (`<https://...>`) and bare URLs and e-mail addresses (GFM autolink literals);
//   code spans and code blocks (fenced and indented); HTML tags and comments (the text between tags stays, but the
//   content of <script>, <style>, <pre>, <textarea>, comments and other raw HTML blocks goes); front matter.
// The parser is micromark (CommonMark, with its GFM autolink literal and front matter extensions), which reports
// exact source offsets. Blanked characters become spaces; line breaks stay, so lines and offsets do not move.
//
// Parsing costs about a second per megabyte, so the document is parsed block by block (./blocks.ts) and each
// block's result is cached by its text: re-masking after an edit re-parses only the block the edit touched.
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import type { Event, Extension } from 'micromark-util-types';
import type { Span } from '../types';
import { commonPrefixLength, commonSuffixLength } from '../segment';
import { candidateCuts } from './blocks';

/** Tokens whose whole source is markup (what is inside them goes too). */
const MARKUP = new Set([
  'resource',
  'reference',
  'labelMarker',
  'labelImageMarker',
  'definition',
  'autolink',
  'literalAutolink',
  'codeText',
  'codeFenced',
  'codeIndented',
  'htmlText',
  'yaml',
  'toml',
]);

/** What one block holds. */
interface Block {
  /** The block's text with its markup blanked. */
  masked: string;
  /** Link labels the block defines (normalised as the parser compares them). */
  defines: string[];
  /** The block ends inside a construct a blank line does not close (fenced code, raw HTML, front matter). */
  open: boolean;
  /** The block has a `]`: it may use a label defined elsewhere. */
  bracket: boolean;
}

/** A block of the document: where it is and its parse (knowing only its own labels). */
interface BlockSpan {
  start: number;
  end: number;
  block: Block;
}

const FIRST = [frontmatter(['yaml', 'toml']), gfmAutolinkLiteral()];
const LATER = [gfmAutolinkLiteral()];
/**
 * An HTML block whose tags are markup but whose text between the tags is prose is parsed again for its tags alone:
 * as inline HTML, with the constructs Markdown does not apply inside HTML blocks turned off.
 */
const HTML_TAGS: Extension[] = [
  { disable: { null: ['htmlFlow', 'codeFenced', 'codeIndented', 'codeText', 'labelStartLink', 'labelStartImage', 'labelEnd', 'autolink', 'characterEscape'] } },
];

const BLOCKS_KEPT = 20_000;

/** Masks Markdown documents, caching each block's parse (one per Analyzer, so the editor's edits stay cheap). */
export class MarkdownMasker {
  /** Parsed blocks by what they were parsed with (first block or not, labels defined elsewhere), then by text. */
  private readonly blocks = new Map<string, Map<string, Block>>();
  private size = 0;
  private last: { text: string; masked: string; spans: BlockSpan[] } | undefined;
  /** Blocks parsed (not served from the cache) since creation: lets tests see the incremental work. */
  parsedBlocks = 0;

  /** @param blockwise false: parse the whole document at once (what the blocks must add up to; for tests). */
  constructor(private readonly blockwise = true) {}

  /** `text` with its Markdown markup replaced by spaces (line breaks kept): same length, same offsets. */
  mask(text: string): string {
    if (this.last?.text === text) return this.last.masked;
    const spans = this.spansOf(text);
    const masked = this.blocksOf(text, spans)
      .map(b => b.masked)
      .join('');
    this.last = { text, masked, spans };
    return masked;
  }

  /**
   * The document cut into blocks, each parsed alone (see ./blocks.ts). After an edit only the blocks around it are
   * cut and looked up again: the blocks before it end inside the unchanged prefix, and once a new block ends where
   * an old one did, past the edit, everything after is the old blocks moved by the edit's length.
   */
  private spansOf(text: string): BlockSpan[] {
    // the parser drops a byte order mark without counting it: parse after it and shift by its length
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (!this.blockwise) return [{ start: bom, end: text.length, block: this.block(text.slice(bom), true, []) }];
    const previous = this.last;
    let head: BlockSpan[] = [];
    let editEnd = 0;
    let delta = 0;
    // the edit's place is worked out whenever there is a previous text: the blocks past it are taken back below by
    // their offsets in that text, so an edit at the very start (its first character changed) must still move them
    if (previous) {
      const prefix = commonPrefixLength(previous.text, text);
      const suffix = commonSuffixLength(previous.text, text, Math.min(previous.text.length, text.length) - prefix);
      // a cut is decided by the character after it: blocks ending before the prefix's last character are unchanged
      let kept = 0;
      while (kept < previous.spans.length && previous.spans[kept].end < prefix) kept++;
      head = previous.spans.slice(0, kept);
      editEnd = text.length - suffix;
      delta = text.length - previous.text.length;
    }
    const from = head.length > 0 ? head[head.length - 1].end : bom;
    const cuts = candidateCuts(text, from);
    const spans = head;
    for (let i = 0; i < cuts.length;) {
      // an open construct runs on past the cut: take more blocks, doubling, so a never-closed fence costs
      // O(n log n), not a parse per cut
      let take = 1;
      for (;;) {
        const end = i + take < cuts.length ? cuts[i + take] : text.length;
        const block = this.block(text.slice(cuts[i], end), cuts[i] === bom, []);
        if (!block.open || i + take >= cuts.length) {
          spans.push({ start: cuts[i], end, block });
          i += take;
          break;
        }
        take *= 2;
        if (i + take > cuts.length) take = cuts.length - i;
      }
      // back in step with the old blocks past the edit: the rest is theirs, moved
      const end = spans[spans.length - 1].end;
      const old = previous && end > editEnd && end < text.length ? spanStartingAt(previous.spans, end - delta) : -1;
      if (old >= 0 && previous) {
        for (const span of previous.spans.slice(old)) spans.push({ start: span.start + delta, end: span.end + delta, block: span.block });
        break;
      }
    }
    return spans;
  }

  /** The blocks as masked, a byte order mark first. */
  private blocksOf(text: string, spans: readonly BlockSpan[]): { masked: string }[] {
    // a reference link (`[Merkel][1]`) may use a label defined in another block: parse those blocks again knowing
    // every label the document defines
    const labels = new Set<string>();
    for (const s of spans) for (const label of s.block.defines) labels.add(label);
    const defined = [...labels].sort();
    const blocks: { masked: string }[] = spans.length > 0 && spans[0].start > 0 ? [{ masked: text.slice(0, spans[0].start) }] : [];
    spans.forEach((s, i) => {
      let block = s.block;
      if (defined.length > block.defines.length && block.bracket) block = this.block(text.slice(s.start, s.end), i === 0, defined);
      blocks.push(block);
    });
    return blocks;
  }

  private block(source: string, first: boolean, defined: readonly string[]): Block {
    const key = `${first ? 'F' : 'L'}${defined.join('\u0000')}`;
    let blocks = this.blocks.get(key);
    if (!blocks) this.blocks.set(key, (blocks = new Map()));
    let b = blocks.get(source);
    if (b) {
      // refresh recency for the LRU eviction below
      blocks.delete(source);
    } else {
      this.parsedBlocks++;
      b = parseBlock(source, first, defined);
      this.size++;
    }
    blocks.set(source, b);
    while (this.size > BLOCKS_KEPT) {
      const oldest = this.blocks.values().next().value as Map<string, Block>;
      oldest.delete(oldest.keys().next().value as string);
      this.size--;
      if (oldest.size === 0) this.blocks.delete(this.blocks.keys().next().value as string);
    }
    return b;
  }
}

/** The index of the span that starts at `offset` (spans sorted and contiguous), or -1. */
function spanStartingAt(spans: readonly BlockSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start === offset) return mid;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function events(source: string, extensions: Extension[], defined: readonly string[] = []): { events: Event[]; defines: string[] } {
  const parser = parse({ extensions });
  parser.defined.push(...defined);
  // micromark drops a byte order mark at the start of its input without counting it. In a block cut from the middle
  // of a document (or after the document's own mark) that character is text, as the whole document's parse sees it:
  // parse a stand-in of the same class (U+2060, a format character too) so offsets and structure stay the same.
  const input = source.charCodeAt(0) === 0xfeff ? `\u2060${source.slice(1)}` : source;
  const events = postprocess(parser.document().write(preprocess()(input, undefined, true)));
  return { events, defines: parser.defined.slice(defined.length) };
}

function parseBlock(source: string, first: boolean, defined: readonly string[]): Block {
  const parsed = events(source, first ? FIRST : LATER, defined);
  const markup: Span[] = [];
  let open = false;
  let frontMatter = false;
  let fences = 0;
  for (const [kind, token] of parsed.events) {
    const start = token.start.offset;
    const end = token.end.offset;
    // the front matter extension's token types are not in micromark's type map
    const type: string = token.type;
    if (type === 'codeFencedFence' && kind === 'enter') fences++;
    if (kind === 'exit') {
      // a fenced block closed by its own fence has two fences
      if (type === 'codeFenced') {
        if (fences < 2) open = true;
        fences = 0;
      }
      continue;
    }
    if (type === 'yaml' || type === 'toml') frontMatter = true;
    if (type === 'htmlFlow') {
      const html = source.slice(start, end);
      const raw = rawHtmlEnd(html);
      if (raw === undefined) {
        // the tags only: the text between them is prose
        for (const [k, t] of events(html, HTML_TAGS).events) {
          if (k === 'enter' && t.type === 'htmlText') markup.push({ start: t.start.offset + start, end: t.end.offset + start });
        }
      } else {
        markup.push({ start, end });
        if (!raw) open = true;
      }
      continue;
    }
    if (MARKUP.has(type)) markup.push({ start, end });
  }
  // front matter whose closing fence is in a later block
  if (first && !frontMatter && /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.test(source)) open = true;
  return { masked: blank(source, merged(markup)), defines: parsed.defines, open, bracket: source.includes(']') };
}

/**
 * For an HTML block that ends only at its end marker (<script>, <pre>, <style>, <textarea>, <!--, <?, <!X,
 * <![CDATA[: all raw, all markup): whether the marker is there. undefined for the other HTML blocks, which end at
 * a blank line and whose text between tags is prose.
 */
function rawHtmlEnd(html: string): boolean | undefined {
  const s = html.replace(/^[ \t]+/, '').toLowerCase();
  const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/.exec(s);
  const [opening, closing] = raw
    ? [raw[0], `</${raw[1]}>`]
    : s.startsWith('<!--')
      ? ['<!--', '-->']
      : s.startsWith('<?')
        ? ['<?', '?>']
        : s.startsWith('<![cdata[')
          ? ['<![cdata[', ']]>']
          : /^<![a-z]/.test(s)
            ? ['<!', '>']
            : [];
  if (opening === undefined || closing === undefined) return undefined;
  return s.includes(closing, opening.length);
}

/** Sorted, disjoint ranges covering the given ones. */
function merged(ranges: Span[]): Span[] {
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const r of ranges) {
    if (r.end <= r.start) continue;
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** `text` with the ranges' characters replaced by spaces, line breaks kept. */
function blank(text: string, ranges: readonly Span[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of ranges) {
    parts.push(text.slice(at, r.start), text.slice(r.start, r.end).replace(/[^\r\n\u2028\u2029]/g, ' '));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const shared = new MarkdownMasker();

/** `text` with its Markdown markup replaced by spaces of the same length (see the top of this file). */
export function maskMarkdown(text: string): string {
  return shared.mask(text);
}
