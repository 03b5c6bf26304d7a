import { strict as assert } from 'node:assert';
import { parseArgs, parseSize } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/io';
import { formatSummary, tallyOf, topEntities } from '../../../src/cli/summary';
import { reconcile } from '../../../src/core/sidecar';
import { article, fakeAnalysis, SPECS } from '../../fixtures/sidecar/helpers';

const spec = { 'out-dir': { value: true }, json: { value: false }, help: { value: false, short: 'h' } };

describe('CLI option parsing', () => {
  it('reads values in both spellings, flags, short aliases and positionals; -- ends options', () => {
    const r = parseArgs(['--out-dir', 'o', 'a', '--json', '-h', '--', '--not-an-option'], spec);
    assert.deepEqual(
      [...r.options],
      [
        ['out-dir', 'o'],
        ['json', true],
        ['help', true],
      ],
    );
    assert.deepEqual(r.positionals, ['a', '--not-an-option']);
    assert.equal(parseArgs(['--out-dir=x=y'], spec).options.get('out-dir'), 'x=y');
  });

  it('refuses unknown options, missing values, values on flags and repeats', () => {
    for (const [args, message] of [
      [['--nope'], /unknown option --nope/],
      [['-x'], /unknown option -x/],
      [['--out-dir'], /needs a value/],
      [['--out-dir', '--json'], /needs a value/],
      [['--json=yes'], /takes no value/],
      [['--json', '--json'], /given twice/],
    ] as const) {
      assert.throws(
        () => parseArgs([...args], spec),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
        args.join(' '),
      );
    }
  });

  it('parses sizes with binary units', () => {
    assert.equal(parseSize('1024'), 1024);
    assert.equal(parseSize('500K'), 500 * 1024);
    assert.equal(parseSize('10M'), 10 * 1024 * 1024);
    assert.equal(parseSize('1.5mb'), 1.5 * 1024 * 1024);
    assert.equal(parseSize('0'), undefined);
    assert.equal(parseSize('lots'), undefined);
  });
});

describe('CLI summary table', () => {
  const s = reconcile({ text: article, file: 'article.txt', analysis: fakeAnalysis(article, SPECS) }).sidecar;

  it('lists the most mentioned entities first, ties in order of first mention', () => {
    assert.equal(topEntities(s), 'Vladimir Putin (2), Turkey (2), MOSCOW (1)');
  });

  it('aligns columns and adds a total row for several articles', () => {
    const table = formatSummary([
      { article: 'a.txt', tally: tallyOf(s), status: 'written' },
      { article: 'long/name.txt', status: 'error' },
    ]);
    const lines = table.trimEnd().split('\n');
    assert.match(lines[0], /^Article +Person +Place +Org +Date +Orphans +Status +Top entities$/);
    assert.match(lines[2], /^a\.txt +3 +7 +1 +2 +0 +written +Vladimir Putin \(2\)/);
    assert.match(lines[3], /^long\/name\.txt +- +- +- +- +- +error$/);
    assert.match(lines[5], /^Total \(2 articles\) +3 +7 +1 +2 +0$/);
    assert.equal(lines[0].indexOf('Person') + 'Person'.length, lines[2].indexOf('3') + 1, 'numbers right-aligned under their header');
  });
});
