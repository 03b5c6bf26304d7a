import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { articleFormat, MarkdownMasker, maskMarkdown } from '../../../../src/core/markdown';

/** What is left of the text once masked: its words, in order. */
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('maskMarkdown: Markdown markup is blanked, prose and offsets kept', () => {
  const cases: [string, string, string[]][] = [
    ['inline link destination and title', '[Angela Merkel](https://en.wikipedia.org/wiki/Angela_Merkel "Merkel bio") spoke.', ['Angela', 'Merkel', 'spoke.']],
    ['image', 'Look: ![Putin in Moscow](http://img.example/Moscow.jpg) here', ['Look:', 'Putin', 'in', 'Moscow', 'here']],
    [
      'reference link and its definition',
      'Ask [the chancellor][Angela Merkel] now.\n\n[Angela Merkel]: https://example.org/Merkel "Angela"',
      ['Ask', 'the', 'chancellor', 'now.'],
    ],
    ['autolink', 'Mail <https://example.org/Moscow> or <someone@example.org>.', ['Mail', 'or', '.']],
    [
      'bare URL and e-mail (GFM autolink literal)',
      'See www.moscow.example/Kremlin and https://x.example/Putin or putin@kremlin.example today',
      ['See', 'and', 'or', 'today'],
    ],
    ['code span', 'Run `Vladimir Putin` then stop', ['Run', 'then', 'stop']],
    ['fenced code block with a blank line inside', 'Before\n\n```js\nconst Moscow = 1;\n\nPutin();\n```\n\nAfter', ['Before', 'After']],
    ['indented code block', 'Before\n\n    Moscow is code\n\nAfter', ['Before', 'After']],
    ['inline HTML and a comment', 'A <span class="Moscow">Berlin</span> visit <!-- Putin --> ended', ['A', 'Berlin', 'visit', 'ended']],
    ['HTML block: tags go, text stays', '<div class="Moscow">\nAngela Merkel <b>spoke</b>\n</div>\n\nAfter', ['Angela', 'Merkel', 'spoke', 'After']],
    ['raw HTML block: all of it goes', '<script>\nvar Moscow;\n\nPutin();\n</script>\n\nAfter', ['After']],
    ['YAML front matter with a blank line', '---\ntitle: Putin in Moscow\n\ndate: 2015-11-24\n---\nBody', ['Body']],
    ['TOML front matter', '+++\ntitle = "Moscow"\n+++\nBody', ['Body']],
    [
      'emphasis and headings are text',
      '# Merkel visits\n\n**Angela Merkel** met _Putin_.',
      ['#', 'Merkel', 'visits', '**Angela', 'Merkel**', 'met', '_Putin_.'],
    ],
  ];
  for (const [name, text, kept] of cases) {
    it(name, () => {
      const masked = maskMarkdown(text);
      assert.equal(masked.length, text.length);
      assert.deepEqual(words(masked), kept);
      // only spaces replace characters, and line breaks stay where they were
      for (let i = 0; i < text.length; i++) {
        if (masked[i] !== text[i]) assert.equal(masked[i], ' ', `at ${i}`);
        if (text[i] === '\n' || text[i] === '\r') assert.equal(masked[i], text[i], `line break at ${i}`);
      }
    });
  }

  it('keeps UTF-16 offsets through tabs, astral characters, CRLF and a byte order mark', () => {
    const text = '\uFEFFA\ttab [😀 Berlin](http://x.example/😀Moscow) 😀\r\n\r\nCRLF `Putin` Paris\r\n';
    const masked = maskMarkdown(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked.indexOf('Berlin'), text.indexOf('Berlin'));
    assert.equal(masked.indexOf('Paris'), text.indexOf('Paris'));
    assert.equal(masked.indexOf('\t'), text.indexOf('\t'));
    assert.ok(!masked.includes('Moscow') && !masked.includes('Putin'));
    assert.ok(masked.startsWith('\uFEFFA\ttab'));
  });

  it('front matter only at the start: a later --- block is text', () => {
    assert.deepEqual(words(maskMarkdown('Intro\n\n---\nMoscow\n---\n')), ['Intro', '---', 'Moscow', '---']);
  });
});

describe('MarkdownMasker: block by block, exactly what a whole-document parse gives', () => {
  // Pieces that stress the block cuts: constructs that run over blank lines, definitions used in other blocks,
  // containers, and prose.
  const pieces = [
    'Angela Merkel met Putin.',
    '```',
    '~~~~',
    '    indented code',
    '<script>',
    '</script>',
    '<!-- comment',
    'end -->',
    '<div class="x">',
    '</div>',
    '---',
    '+++',
    'title: Moscow',
    '[Merkel][m] and [m]',
    '[m]: https://example.org/Merkel "M"',
    '- item [a](http://x.example/a)',
    '  continued `code`',
    '> quote <b>x</b>',
    'www.example.org/Moscow',
    '<https://example.org>',
    '\ufeff<b>Putin</b>',
    '\ufeff',
    '',
    '',
  ];
  it('for generated documents (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), lines => {
        const text = lines.join('\n');
        assert.equal(new MarkdownMasker().mask(text), new MarkdownMasker(false).mask(text));
      }),
      { numRuns: 300 },
    );
  });

  it('after edits, a warm masker gives exactly a whole-document parse (fast-check)', () => {
    const doc = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map(lines => lines.join('\n'));
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.array(fc.constantFrom(...pieces, '\n', '\n\n', 'x'), { maxLength: 3 }) });
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        const warm = new MarkdownMasker();
        let text = start;
        warm.mask(text);
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert.join('\n') + text.slice(at + e.length);
          assert.equal(warm.mask(text), new MarkdownMasker(false).mask(text));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an edit that changes the first character still moves the blocks after it (found by the property above)', () => {
    const warm = new MarkdownMasker();
    const texts = ['t\n\nAngela Merkel met Putin. Putin.', '\n\n\nAngela Merkel met Putin.t\n\nAngela Merkel met Putin. Putin.'];
    for (const text of texts) assert.equal(warm.mask(text), new MarkdownMasker(false).mask(text));
  });

  it('a byte order mark replaced by new text: the front matter that followed it is no longer at the start', () => {
    const warm = new MarkdownMasker();
    const texts = ['\ufeff---\ntitle: Moscow\n---\n\nBerlin', 'Intro\n\n---\ntitle: Moscow\n---\n\nBerlin'];
    for (const text of texts) assert.equal(warm.mask(text), new MarkdownMasker(false).mask(text));
  });

  it('a byte order mark starting a later block is text, as in the whole parse (it shifted the block by one)', () => {
    const texts = [
      'Hello\n\n\ufeff<script>x</script> Putin\n\nMore',
      'Hello\n\n\ufeff[Merkel](http://x.example) Putin',
      '\ufeffHello\n\n\ufeff<b>Putin</b>\n\nMore',
      '\ufeff\ufeff<b>Putin</b> in Moscow',
    ];
    for (const text of texts) {
      const whole = new MarkdownMasker(false).mask(text);
      assert.equal(new MarkdownMasker().mask(text), whole);
      assert.ok(whole.includes('Putin'), JSON.stringify(whole));
    }
    const warm = new MarkdownMasker();
    warm.mask('Hello\n\n\ufeffx</script> Putin');
    assert.equal(warm.mask(texts[0]), new MarkdownMasker(false).mask(texts[0]));
  });

  it('re-parses only the block an edit touched', () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} links [Berlin](https://example.org/${i}).`);
    const masker = new MarkdownMasker();
    masker.mask(paragraphs.join('\n\n'));
    const parsed = masker.parsedBlocks;
    paragraphs[25] = 'Paragraph 25 now links [Paris](https://example.org/Paris).';
    const edited = paragraphs.join('\n\n');
    assert.equal(masker.mask(edited), new MarkdownMasker(false).mask(edited));
    assert.equal(masker.parsedBlocks, parsed + 1);
  });
});

describe('articleFormat', () => {
  it('Markdown by file extension, plain text otherwise', () => {
    assert.equal(articleFormat('news/story.md'), 'markdown');
    assert.equal(articleFormat('STORY.MARKDOWN'), 'markdown');
    assert.equal(articleFormat('story.txt'), 'text');
    assert.equal(articleFormat('story.md.txt'), 'text');
  });
});
