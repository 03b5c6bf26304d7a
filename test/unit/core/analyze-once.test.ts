// A one-shot analysis (the CLI's: `keep: false`, what the exported analyze() does) keeps nothing of the article
// for a re-analysis (issue 16, memory), yet gives exactly what any other analysis gives, and still reuses the
// paragraphs an earlier analysis cached.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Analyzer } from '../../../src/core/analyze';

const root = path.resolve(__dirname, '../../..');
const seeds = fs
  .readdirSync(path.join(root, 'seeds'))
  .filter(f => f.endsWith('.txt'))
  .slice(0, 3)
  .map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
const cold = (text: string) => new Analyzer(0).analyze(text);

describe('analyze: one-shot analyses (keep: false)', function () {
  this.timeout(60000);

  it('give exactly a fresh analysis, with repeated lines, after other articles, and mixed with kept analyses', () => {
    const a = new Analyzer();
    const repeated = `${seeds[0]}\n${seeds[0]}\n${seeds[1]}`;
    for (const text of [seeds[0], repeated, seeds[2], repeated]) assert.deepEqual(a.analyze(text, { keep: false }), cold(text));
    // a kept analysis, an edit analysed once, then the kept article edited: each as a fresh analysis gives
    const kept = new Analyzer();
    kept.analyze(seeds[1], { document: 'd' });
    const edited = `${seeds[1].slice(0, 200)}Angela Merkel ${seeds[1].slice(200)}`;
    assert.deepEqual(kept.analyze(edited, { document: 'd', keep: false }), cold(edited));
    assert.deepEqual(kept.analyze(edited, { document: 'd' }), cold(edited));
    assert.deepEqual(analyze(repeated), cold(repeated));
  });

  it('reuse the paragraphs already cached: the same article again detects nothing', () => {
    const a = new Analyzer();
    a.analyze(seeds[2], { keep: false });
    const detected = a.detectedUnits;
    assert.ok(detected > 0);
    a.analyze(seeds[2], { keep: false });
    assert.equal(a.detectedUnits, detected);
  });
});
