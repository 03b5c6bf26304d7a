// The escaping of article text into Markdown is a security boundary (hovers render it): these properties render
// what the core writes with markdown-it at its most permissive (raw HTML on, bare URLs linkified) and check that
// article text only ever comes out as text. Run CI-sized by test/unit/core/present/markdownEscape.test.ts and long
// by `npm run fuzz`.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, hoverText, type Annotation, type AnnotationType, type ArticleSnapshot } from '../../src/core';
import type { FuzzProperty } from './fuzz-properties';

const renderer = new MarkdownIt({ html: true, linkify: true });

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

/** Pieces that mean something to a Markdown or HTML reader, or to a host (command links, icons). */
const MARKUP = [
  '[',
  ']',
  '(',
  ')',
  '[a](command:workbench.action.quit)',
  '![x](https://x.y/i.png)',
  '[a]: https://x.y',
  '[a]',
  '<',
  '>',
  '<b>',
  '</p>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '-->',
  '<https://x.y>',
  '<a@b.co>',
  '&',
  '&amp;',
  '&#32;',
  '&#x41;',
  '&copy;',
  '&#0;',
  '*',
  '**',
  '_',
  '__',
  '`',
  '``',
  '```',
  '~~~',
  '~~',
  '\\',
  '\\\\',
  '#',
  '# ',
  '-',
  '--',
  '---',
  '+',
  '1.',
  '1)',
  '|',
  '=',
  '==',
  '    ',
  '\t',
  ' ',
  '  ',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '\v',
  '\f',
  '\x85',
  '\u2028',
  '\u2029',
  '\x1c',
  '\x1e',
  '\0',
  '\x01',
  '\x7f',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\u200b',
  'http://x.y',
  'https://evil.example/p?q=1&r=2',
  'www.example.com',
  'example.com',
  'a@b.co',
  'mailto:a@b.c',
  'ftp://x.y',
  'command:workbench.action.quit',
  '$(zap)',
  'x',
  'Putin',
  '。',
  '．',
  '\ud800',
  '\udc00',
  '😀',
  'e\u0301',
];

/** Strings made of markup pieces, ASCII and any code point, short and long. */
export const hostileText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 30,
});

/** What a reader sees of `text` on one line: line breaks folded to one space; NUL shown as U+FFFD (CommonMark). */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
  return text.replace(/\0/g, '\uFFFD').replace(/[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+/g, ' ');
}

/** escapeMarkdown(s) renders to one paragraph whose only content is the text of s: no element, link or markup. */
export function checkEscaped(text: string): void {
  const html = renderer.render(escapeMarkdown(text));
  if (/<a\b/i.test(html)) fail('a link', { text, html });
  if (/<img\b/i.test(html)) fail('an image', { text, html });
  if (/<(code|pre|em|strong|s|del|h\d|ul|ol|li|blockquote|hr|table)\b/i.test(html)) fail('Markdown markup', { text, html });
  if (/<(?!\/?p>)/i.test(html)) fail('an HTML element', { text, html });
  const expected = oneLine(text);
  const want = expected === '' ? '' : `<p>${renderer.utils.escapeHtml(expected)}</p>\n`;
  if (html !== want) fail('the rendered text differs from the input', { text, html, want });
}

const TYPES: AnnotationType[] = ['person', 'place', 'organization', 'date'];

/** A hover on hostile text, names, aliases, notes and values is paragraphs of text with the type alone in bold. */
export function checkHover(article: ArticleSnapshot, a: Annotation, text: string): void {
  const md = hoverText(article, a, text);
  const html = renderer.render(md);
  const tags = html.match(/<[^>]*>/g) ?? [];
  const odd = tags.filter(t => !['<p>', '</p>', '<strong>', '</strong>'].includes(t));
  if (odd.length) fail('an element other than a paragraph or the bold type', { odd, md, html });
  if (tags.filter(t => t === '<strong>').length !== 1) fail('bold other than the type', { md, html });
  const items = md.split('\n\n').length;
  if (tags.filter(t => t === '<p>').length !== items) fail('an item is not exactly one paragraph', { md, html });
}

const hoverCase = fc.record({
  before: hostileText,
  mention: hostileText.filter(s => s.length > 0),
  after: hostileText,
  type: fc.constantFrom(...TYPES),
  name: hostileText,
  aliases: fc.array(hostileText, { maxLength: 3 }),
  note: fc.option(hostileText, { nil: undefined }),
  value: fc.option(hostileText, { nil: null }),
  reference: fc.option(fc.record({ value: hostileText, source: fc.constantFrom('user' as const, 'detected' as const) }), { nil: null }),
});

export const PRESENT_PROPERTIES: FuzzProperty[] = [
  {
    name: 'present: escapeMarkdown renders to exactly the text, with no link, image, HTML or markup',
    weight: 1,
    property: () => fc.property(hostileText, checkEscaped),
  },
  {
    name: 'present: a hover on hostile text is paragraphs of text with only the type in bold',
    weight: 1,
    property: () =>
      fc.property(hoverCase, c => {
        const text = c.before + c.mention + c.after;
        const a: Annotation = { id: 'a1', type: c.type, start: c.before.length, end: c.before.length + c.mention.length, text: c.mention, source: 'manual' };
        if (c.note !== undefined) a.note = c.note;
        if (c.type === 'date') a.value = c.value;
        else a.entity = 'e1';
        const entities = c.type === 'date' ? [] : [{ id: 'e1', type: c.type, name: c.name, aliases: c.aliases }];
        checkHover({ annotations: [a], entities, referenceDate: c.reference, orphans: [] }, a, text);
      }),
  },
];
