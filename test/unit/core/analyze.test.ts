import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Analyzer } from '../../../src/core/analyze';
import type { AnalysisResult, AnalyzeOptions } from '../../../src/core/types';

const root = path.resolve(__dirname, '../../..');
const seed = fs.readFileSync(path.join(root, 'seeds/000_a57557e610cf5658.txt'), 'utf8');
const big = Array.from({ length: 64 }, () => seed).join('\n');

const cold = (text: string, options: AnalyzeOptions = {}) => new Analyzer(0).analyze(text, options);
const typeOf = (r: AnalysisResult, text: string, at: number) => r.annotations.find(a => a.start <= at && at < a.end && a.text === text)?.type;

describe('analyze: incremental re-analysis gives exactly a fresh analysis', function () {
  this.timeout(120000);
  const mid = Math.floor(big.length / 2);
  // Every case starts from the same state, whatever ran before it: a fresh analyzer that has seen the 64x document.
  let warm: Analyzer;
  let text: string;
  beforeEach(() => {
    warm = new Analyzer();
    text = big;
    warm.analyze(text);
  });
  const step = (edit: (t: string) => string, options: AnalyzeOptions = {}) => {
    text = edit(text);
    const got = warm.analyze(text, options);
    assert.deepEqual(got, cold(text, options));
    return got;
  };

  it('after typing and deleting a character in the middle of the 64x document', () => {
    step(t => t.slice(0, mid) + 'x' + t.slice(mid));
    step(t => t.slice(0, mid) + t.slice(mid + 1));
  });

  it('after an edit that retypes a name everywhere else (a person whose surname is a place)', () => {
    const firstLatakia = text.indexOf('Latakia');
    const lastLatakia = text.lastIndexOf('Latakia');
    const before = warm.analyze(text);
    assert.equal(typeOf(before, 'Latakia', firstLatakia), 'place');
    const line = text.indexOf('\n', mid);
    const got = step(t => `${t.slice(0, line)} President Bashar Latakia said so.${t.slice(line)}`);
    // the new full name makes every "Latakia" of the article that person: far from the edit too
    assert.equal(typeOf(got, 'Latakia', firstLatakia), 'person');
    assert.equal(typeOf(got, 'Latakia', lastLatakia + ' President Bashar Latakia said so.'.length), 'person');
    step(t => t.slice(0, line) + t.slice(line + ' President Bashar Latakia said so.'.length));
    assert.equal(typeOf(warm.analyze(text), 'Latakia', firstLatakia), 'place');
  });

  it('after adding "Mr" before a surname', () => {
    const at = text.indexOf('Moskva', mid);
    step(t => `${t.slice(0, at)}Mr ${t.slice(at)}`);
  });

  it('after splitting a line and joining it again, and after deleting a line break', () => {
    const at = text.indexOf(' ', mid);
    step(t => `${t.slice(0, at)}\n${t.slice(at + 1)}`);
    step(t => `${t.slice(0, at)} ${t.slice(at + 1)}`);
    const br = text.indexOf('\n', mid);
    step(t => t.slice(0, br) + t.slice(br + 1));
  });

  it('after a dateline appears at the top (every relative date resolves again)', () => {
    const got = step(t => `November 27, 2015\n${t}`);
    assert.equal(got.referenceDate?.value, '2015-11-27');
    assert.ok(got.annotations.some(a => a.text === 'Tuesday' && a.value === '2015-11-24'));
    step(t => t.slice(t.indexOf('\n') + 1));
  });

  it('after pasting and deleting a large block, and edits at both ends', () => {
    const block = text.slice(1000, 30000);
    step(t => t.slice(0, mid) + block + t.slice(mid));
    step(t => t.slice(0, mid) + t.slice(mid + block.length));
    step(t => `Putin ${t}`);
    step(t => `${t} Erdogan`);
    step(t => t.slice(6, -8));
  });

  it('after a lexicon change, and with other types asked for', () => {
    step(t => t, { lexicon: { Moskva: 'person', 'Islamic State': 'place' } });
    step(t => t.slice(0, mid) + 'y' + t.slice(mid), { lexicon: { Moskva: 'person' } });
    step(t => t, { types: ['date', 'person'] });
    step(t => t.slice(0, mid) + t.slice(mid + 1), { referenceDate: '2015-11-26' });
  });

  it('keeps a separate state per document, and survives unrelated texts in between', () => {
    const other = Array.from({ length: 8 }, () => seed).join('\n');
    warm.analyze(other, { document: 'b' });
    step(t => t.slice(0, 500) + 'z' + t.slice(500));
    const editedOther = other.replace('Hemeimeem', 'Hmeimim');
    assert.deepEqual(warm.analyze(editedOther, { document: 'b' }), cold(editedOther));
    warm.analyze('Putin met Erdogan.');
    step(t => t.slice(0, 500) + t.slice(501));
    step(() => '');
    step(() => seed);
  });

  it('re-detects only the lines an edit touched', () => {
    const a = new Analyzer();
    a.analyze(big);
    const detected = a.detectedUnits;
    a.analyze(big.slice(0, mid) + 'x' + big.slice(mid));
    assert.equal(a.detectedUnits, detected + 1);
  });
});

describe('analyze: lexicon dates', () => {
  it('a lexicon date becomes a date annotation, winning over the model', () => {
    const r = analyze('Sales on Black Friday rose.', { lexicon: { 'Black Friday': 'date' } });
    assert.deepEqual(
      r.annotations.map(a => [a.type, a.text, a.value]),
      [['date', 'Black Friday', null]],
    );
  });

  it('resolves a lexicon date the date resolver understands, and leaves no name on it', () => {
    const text = 'Putin met Erdogan in Sochi on November 5, 2015.';
    const r = analyze(text, { lexicon: { Sochi: 'date', 'November 5, 2015': 'date' } });
    const dates = r.annotations.filter(a => a.type === 'date').map(a => [a.text, a.value]);
    assert.deepEqual(dates, [
      ['Sochi', null],
      ['November 5, 2015', '2015-11-05'],
    ]);
    assert.ok(!r.annotations.some(a => a.type !== 'date' && a.text === 'Sochi'));
    assert.ok(!r.entities.some(e => e.name === 'Sochi'));
    const names = analyze(text, { lexicon: { Sochi: 'date' }, types: ['place', 'person', 'organization'] });
    assert.ok(!names.annotations.some(a => a.text === 'Sochi'), 'a date stays a date when dates are not asked for');
  });

  it('the longest lexicon name wins, whatever its type', () => {
    const r = analyze('Talks at the Black Friday Club and on Black Friday.', { lexicon: { 'Black Friday': 'date', 'Black Friday Club': 'organization' } });
    assert.deepEqual(
      r.annotations.map(a => [a.type, a.text]),
      [
        ['organization', 'Black Friday Club'],
        ['date', 'Black Friday'],
      ],
    );
  });
});
