import { strict as assert } from 'node:assert';
import { analyze, Analyzer } from '../../../../src/core/analyze';
import type { AnalysisResult } from '../../../../src/core/types';

const ARTICLE = [
  '---',
  'title: Merkel and Putin',
  'date: 2015-11-24',
  '---',
  '# A day in Berlin',
  '',
  '[Angela Merkel](https://en.wikipedia.org/wiki/Angela_Merkel "Angela Merkel on Wikipedia") met the press in Berlin on Wednesday.',
  'Later, Merkel said the report at <https://example.org/Moscow/report> and www.example.org/Kremlin was wrong.',
  '',
  '```',
  'curl https://example.org/Vladimir_Putin',
  '```',
  '',
  'Call `Moscow.connect()` <span title="Paris">now</span>.',
  '',
].join('\n');

const named = (r: AnalysisResult) => r.annotations.filter(a => a.type !== 'date').map(a => `${a.type}:${a.text}`);
const entityOf = (r: AnalysisResult, text: string) => r.annotations.find(a => a.text === text)?.entity;

describe('analyze: Markdown articles', () => {
  it('a link destination is no person and takes over no later mention; URLs, code and tags give no place', () => {
    const r = analyze(ARTICLE, { format: 'markdown' });
    assert.deepEqual(named(r), ['place:Berlin', 'person:Angela Merkel', 'place:Berlin', 'person:Merkel']);
    assert.equal(entityOf(r, 'Merkel'), entityOf(r, 'Angela Merkel'));
    assert.deepEqual(r.entities.map(e => e.name).sort(), ['Angela Merkel', 'Berlin']);
    // every annotation's text is the article's own, at its offsets
    for (const a of r.annotations) assert.equal(ARTICLE.slice(a.start, a.end), a.text);
  });

  it("front matter is skipped, but its date: is still the article's reference date", () => {
    const r = analyze(ARTICLE, { format: 'markdown' });
    assert.deepEqual(r.referenceDate, { value: '2015-11-24', source: 'detected' });
    const wednesday = r.annotations.find(a => a.text === 'Wednesday');
    assert.equal(wednesday?.value, '2015-11-18');
    assert.ok(!r.annotations.some(a => a.start < ARTICLE.indexOf('# A day')), 'nothing annotated in the front matter');
  });

  it('plain text articles are read as before (the markup is text there)', () => {
    const r = analyze(ARTICLE, { format: 'text' });
    assert.ok(named(r).includes('person:Angela_Merkel'));
    assert.deepEqual(analyze(ARTICLE), r);
  });

  it('an incremental re-analysis after an edit gives exactly a fresh analysis', () => {
    const warm = new Analyzer();
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Item ${i}: [Angela Merkel](https://example.org/Angela_Merkel_${i}) spoke in Berlin.`);
    let text = ARTICLE + paragraphs.join('\n\n');
    warm.analyze(text, { format: 'markdown', document: 'a.md' });
    for (const edit of [
      (t: string) => t.replace('Item 7:', 'Item 7: Vladimir Putin and'),
      (t: string) => t.replace('```\ncurl', 'curl'), // the fence is gone: its closing fence now opens one to the end
      (t: string) => t.replace('[Angela Merkel](https://example.org/Angela_Merkel_12)', 'Angela_Merkel'),
    ]) {
      text = edit(text);
      assert.deepEqual(warm.analyze(text, { format: 'markdown', document: 'a.md' }), new Analyzer(0).analyze(text, { format: 'markdown' }));
    }
  });
});
