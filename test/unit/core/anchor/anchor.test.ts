import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchor, anchorAll, quoteContext, type AnchorTarget } from '../../../../src/core/anchor';

const article = fs.readFileSync(path.join(__dirname, '../../../fixtures/sidecar/article.txt'), 'utf8');

/** A stored span for the `nth` occurrence of `quote` in `text`. */
function target(text: string, quote: string, nth = 0): AnchorTarget {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" #${nth} not in text`);
  const span = { start, end: start + quote.length };
  return { ...span, text: quote, ...quoteContext(text, span) };
}

function placedText(text: string, t: AnchorTarget): string | null {
  const r = anchor(text, t);
  return r ? text.slice(r.start, r.end) : null;
}

const paragraphs = article.split('\n\n');

describe('anchoring', () => {
  it('stores up to 32 code units of context without splitting a surrogate pair', () => {
    const text = `${'😀'.repeat(20)}Putin${'😀'.repeat(20)}`;
    const start = text.indexOf('Putin');
    const c = quoteContext(text, { start, end: start + 5 });
    assert.equal(c.prefix, '😀'.repeat(16));
    assert.equal(c.suffix, '😀'.repeat(16));
    const odd = `x${text}`;
    const c2 = quoteContext(odd, { start: start + 1, end: start + 6 });
    assert.ok(c2.prefix.length <= 32 && !/^[\udc00-\udfff]/.test(c2.prefix));
  });

  it('keeps the same offsets when the text is unchanged', () => {
    const t = target(article, 'Sergei Shoigu');
    assert.deepEqual(anchor(article, t), { start: t.start, end: t.end, method: 'same' });
  });

  it('follows text inserted before it', () => {
    const edited = `UPDATED: this story has been corrected.\n\n${article}`;
    for (const q of ['Vladimir Putin', 'Sergei Shoigu', 'Brussels', 'Turkey']) {
      const t = target(article, q);
      const r = anchor(edited, t)!;
      assert.equal(r.start, t.start + 41, q);
      assert.equal(edited.slice(r.start, r.end), q);
    }
  });

  it('orphans an annotation whose paragraph was deleted, even when its words occur elsewhere', () => {
    const edited = [paragraphs[0], paragraphs[2], paragraphs[3]].join('\n\n');
    assert.equal(anchor(edited, target(article, 'Sergei Shoigu')), null);
    // "Turkey" is also in the last paragraph, in another sentence: not the same mention
    assert.equal(anchor(edited, target(article, 'Turkey', 0)), null);
    // the other paragraphs' annotations are unaffected
    assert.equal(placedText(edited, target(article, 'Brussels')), 'Brussels');
  });

  it('stays put when a word next to it changes', () => {
    const edited = article.replace('Sergei Shoigu said on Wednesday', 'Sergei Shoigu told reporters on Wednesday');
    const r = anchor(edited, target(article, 'Sergei Shoigu'))!;
    assert.equal(edited.slice(r.start, r.end), 'Sergei Shoigu');
    assert.equal(r.start, edited.indexOf('Sergei Shoigu'));
  });

  it('follows a word changed inside it (fuzzy match between the old prefix and suffix)', () => {
    const edited = article.replace('Vladimir Putin has', 'Vladimir V. Putin has');
    const r = anchor(edited, target(article, 'Vladimir Putin'))!;
    assert.equal(r.method, 'fuzzy');
    assert.equal(edited.slice(r.start, r.end), 'Vladimir V. Putin');
    const typo = article.replace('Hemeimeem air base', 'Hmeimim air base');
    const r2 = anchor(typo, target(article, 'Hemeimeem'))!;
    assert.equal(typo.slice(r2.start, r2.end), 'Hmeimim');
  });

  it('orphans text rewritten beyond recognition', () => {
    const edited = article.replace('the defence minister Sergei Shoigu said on Wednesday', 'officials said');
    assert.equal(anchor(edited, target(article, 'Sergei Shoigu')), null);
  });

  it('follows paragraphs that were reordered', () => {
    const edited = [paragraphs[3], paragraphs[1], paragraphs[0], paragraphs[2]].join('\n\n');
    const quotes: [string, number][] = [
      ['Vladimir Putin', 0],
      ['Sergei Shoigu', 0],
      ['Brussels', 0],
      ['Ankara', 0],
      ['Turkey', 0],
      ['Turkey', 1],
      ['Putin', 1],
    ];
    for (const [q, nth] of quotes) {
      const t = target(article, q, nth);
      const r = anchor(edited, t)!;
      assert.ok(r, `${q}#${nth} orphaned`);
      assert.equal(edited.slice(r.start, r.end), q);
      // the same sentence around it (the paragraph moved to the top has nothing before it)
      if (r.start >= 10) assert.equal(edited.slice(r.start - 10, r.start), article.slice(t.start - 10, t.start), `${q}#${nth}`);
      assert.equal(edited.slice(r.end, r.end + 1), article.slice(t.end, t.end + 1), `${q}#${nth}`);
    }
  });

  it('places everything after LF -> CRLF and CRLF -> LF, including a quote spanning a line break', () => {
    const crlf = article.replace(/\n/g, '\r\n');
    const multi = (text: string) => {
      const start = text.indexOf('Syria.');
      const end = text.indexOf('The S-400') + 'The S-400'.length;
      return { start, end, text: text.slice(start, end), ...quoteContext(text, { start, end }) };
    };
    for (const [from, to] of [
      [article, crlf],
      [crlf, article],
    ]) {
      const targets = ['MOSCOW', 'Vladimir Putin', 'Sergei Shoigu', 'Nato', 'Brussels', 'Turkey'].map(q => target(from, q));
      targets.push(target(from, 'Turkey', 1), multi(from));
      const placed = anchorAll(to, targets);
      placed.forEach((r, i) => {
        assert.ok(r, `${targets[i].text} orphaned`);
        assert.equal(to.slice(r.start, r.end).replace(/\r/g, ''), targets[i].text.replace(/\r/g, ''));
      });
      const m = placed[placed.length - 1]!;
      assert.deepEqual({ start: m.start, end: m.end }, { start: multi(to).start, end: multi(to).end });
    }
  });

  it('prefers the occurrence nearest the old position when contexts tie', () => {
    const unit = 'The minister Sergei Shoigu spoke. ';
    const text = unit.repeat(6);
    const t = target(text, 'Sergei Shoigu', 4);
    const edited = `Intro. ${text}`;
    const r = anchor(edited, { ...t })!;
    assert.equal(r.start, t.start + 7);
  });

  it('anchors thousands of spans in a large edited text quickly (one comparison each after a shift)', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}: Vladimir Putin met Recep Tayyip Erdogan in Ankara on day ${i}.`).join('\n\n');
    const targets: AnchorTarget[] = [];
    for (let i = 0, at = 0; i < 3000; i++) {
      at = big.indexOf('Ankara', at + 1);
      targets.push({ start: at, end: at + 6, text: 'Ankara', ...quoteContext(big, { start: at, end: at + 6 }) });
    }
    const edited = `Breaking news.\n\n${big}`;
    const t0 = performance.now();
    const placed = anchorAll(edited, targets);
    const ms = performance.now() - t0;
    assert.ok(placed.every((r, i) => r && r.start === targets[i].start + 16));
    assert.ok(ms < 1000, `${ms} ms`);
  });

  it('re-anchors 2,000 spans in a 1 MB article converted to CRLF in well under a few seconds', () => {
    const para = (i: number) => `Report ${i}: Sergei Shoigu told officials in Ankara on day ${i} that the S-400 systems were ready.`;
    const big = Array.from({ length: 10_000 }, (_, i) => para(i)).join('\n\n');
    const targets: AnchorTarget[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = big.indexOf(`Ankara on day ${i * 5} `);
      targets.push({ start, end: start + 6, text: 'Ankara', ...quoteContext(big, { start, end: start + 6 }) });
    }
    const crlf = big.replace(/\n/g, '\r\n');
    const t0 = performance.now();
    const placed = anchorAll(crlf, targets);
    const ms = performance.now() - t0;
    placed.forEach((r, i) => assert.equal(r?.start, crlf.indexOf(`Ankara on day ${i * 5} `)));
    assert.ok(ms < 3000, `${ms} ms`);
  });
});
