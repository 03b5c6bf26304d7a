import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { HOVER_ALIASES_MAX, HOVER_QUOTE_MAX, hoverText, type Annotation, type ArticleSnapshot } from '../../../../src/core';
import { analyzed, NEWS, only } from './article';

/** What the reader sees: CommonMark backslash escapes removed. */
const plain = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const md = new MarkdownIt({ html: true, linkify: true });

describe('core/present/hoverText', () => {
  it('a person with aliases: canonical name, aliases, mention count, first mention with its line, source', () => {
    const article = analyzed(NEWS);
    const text = hoverText(article, only(article, 'Putin'), article.text);
    assert.equal(
      text,
      [
        '**Person**: Vladimir Putin',
        'Aliases: Putin, Vladimir Putin',
        'Mentions in this article: 2',
        'First mention (line 1): Vladimir Putin met reporters in Moscow on Tuesday\\.',
        'Source: found automatically (auto)',
        'Review: not reviewed',
      ].join('\n\n'),
    );
  });

  it('an organization on line 3 (after a \\r\\n line end), its sentence escaped', () => {
    const article = analyzed(NEWS);
    const text = hoverText(article, only(article, 'Gazprom'), article.text);
    assert.match(text, /^\*\*Organization\*\*: Gazprom\n\nAliases: Gazprom\n\nMentions in this article: 1\n\n/);
    assert.match(text, /First mention \(line 3\): Gazprom\\, the state company\\, agreed on 24 November 2015\\\./);
  });

  it('a manual annotation with a note: its own text as alias, the source and the note, escaped', () => {
    const text = 'The *Bear* Fund said so.';
    const a: Annotation = { id: 'm1', type: 'organization', start: 4, end: 15, text: text.slice(4, 15), source: 'manual', note: 'see [this](command:x) <b>' };
    const article: ArticleSnapshot = { annotations: [a], entities: [], referenceDate: null, orphans: [] };
    assert.equal(
      hoverText(article, a, text),
      [
        '**Organization**: \\*Bear\\* Fund',
        'Aliases: \\*Bear\\* Fund',
        'Mentions in this article: 1',
        'First mention (line 1): The \\*Bear\\* Fund said so\\.',
        'Source: added or corrected by you (manual)',
        'Review: reviewed (your own annotation)',
        'Note: see \\[this\\]\\(command\\:x\\) \\<b\\>',
      ].join('\n\n'),
    );
  });

  it('a resolved date: value, precision in words, and the reference date detected in the article or set by the user', () => {
    const date: Annotation = { id: 'a1', type: 'date', start: 0, end: 7, text: 'Tuesday', source: 'auto', value: '2015-11-24', precision: 'day' };
    const detected: ArticleSnapshot = { annotations: [date], entities: [], referenceDate: { value: '2015-11-25', source: 'detected' }, orphans: [] };
    assert.equal(
      hoverText(detected, date, 'Tuesday'),
      [
        '**Date**: Tuesday',
        'When: Tue 24 Nov 2015',
        'Value: 2015\\-11\\-24',
        'Precision: day',
        'Reference date: Wed 25 Nov 2015 (2015\\-11\\-25, detected in the article)',
        'Source: found automatically (auto)',
        'Review: not reviewed',
      ].join('\n\n'),
    );
    const byUser = { ...detected, referenceDate: { value: '2015-11-25', source: 'user' as const } };
    assert.match(hoverText(byUser, date, 'Tuesday'), /\n\nReference date: Wed 25 Nov 2015 \(2015\\-11\\-25, set by you\)\n\n/);
    const reference = { ...date, value: 'PRESENT_REF', precision: 'reference' as const };
    assert.match(
      hoverText(detected, reference, 'Tuesday'),
      /\n\nWhen: the present\n\nValue: PRESENT\\_REF\n\nPrecision: reference \(present, past or future\)\n\n/,
    );
    const past = { ...reference, value: 'PAST_REF' };
    assert.match(hoverText(detected, past, 'Tuesday'), /\n\nWhen: before 25 Nov 2015\n\n/);
    assert.match(hoverText(detected, date, 'Tuesday', 'fr'), /\n\nWhen: mar\\\. 24 nov\\\. 2015\n\n/);
  });

  it('a date of a real analysis against a reference date given by the user', () => {
    const article = analyzed(NEWS, { referenceDate: '2015-11-25' });
    const text = hoverText(article, only(article, 'Tuesday'), article.text);
    assert.match(text, /^\*\*Date\*\*: Tuesday\n\nWhen: Tue 24 Nov 2015\n\nValue: 2015\\-11\\-24\n\n/);
    assert.match(text, /\n\nReference date: Wed 25 Nov 2015 \(2015\\-11\\-25, set by you\)\n\n/);
  });

  it('an unresolved date without a reference date says how to set one, and no precision', () => {
    const article = analyzed('Angela Merkel spoke in Berlin on Tuesday about the budget.\n');
    const text = hoverText(article, only(article, 'Tuesday'), article.text);
    assert.equal(
      text,
      [
        '**Date**: Tuesday',
        'Value: unresolved',
        'Reference date: none, so relative dates are unresolved: set one with News Annotator: Set Reference Date',
        'Source: found automatically (auto)',
        'Review: not reviewed',
      ].join('\n\n'),
    );
  });

  it('caps quoted text: a whole-article manual annotation gives a short hover (issue 16)', () => {
    const text = 'Vladimir Putin said so. '.repeat(100_000); // 2.4 MB
    const a: Annotation = { id: 'm1', type: 'person', start: 0, end: text.length, text, source: 'manual', note: text };
    const article: ArticleSnapshot = { annotations: [a], entities: [], referenceDate: null, orphans: [] };
    const hover = hoverText(article, a, text);
    assert.ok(hover.length < 5_000, `hover of ${hover.length} characters`);
    const name = /^\*\*Person\*\*: (.*)$/m.exec(hover)![1];
    assert.ok(plain(name).endsWith('…'), name);
    assert.equal(plain(name).length, HOVER_QUOTE_MAX);
    assert.ok(text.startsWith(plain(name).slice(0, -1)));
  });

  it('caps the alias list', () => {
    const aliases = Array.from({ length: HOVER_ALIASES_MAX + 5 }, (_, i) => `Name${String(i).padStart(2, '0')}`);
    const a: Annotation = { id: 'a1', type: 'person', start: 0, end: 6, text: 'Name00', source: 'auto', entity: 'e1' };
    const article: ArticleSnapshot = { annotations: [a], entities: [{ id: 'e1', type: 'person', name: 'Name00', aliases }], referenceDate: null, orphans: [] };
    const line = hoverText(article, a, 'Name00').split('\n\n')[1];
    assert.equal(line, `Aliases: ${aliases.slice(0, HOVER_ALIASES_MAX).join(', ')} and 5 more`);
  });

  it('renders hostile article text as text: no link, image, HTML or code (markdown-it, raw HTML on, linkify on)', () => {
    const text =
      '[Vladimir Putin](command:workbench.action.quit) met <img src=x onerror=alert(1)> at https://evil.example `code` **Bold**\n# Heading\n    indented';
    const article = analyzed(text);
    assert.ok(article.annotations.length > 0, 'something annotated');
    for (const a of article.annotations) {
      const html = md.render(hoverText(article, a, text));
      assert.ok(!/<(?!\/?(p|strong)>)/.test(html), `only paragraphs and the type in bold: ${html}`);
    }
  });
});
