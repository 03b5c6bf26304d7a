import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { escapeMarkdown, plainText } from '../../../../src/core';
import { checkEscaped, PRESENT_PROPERTIES } from '../../../support/present-properties';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

describe('core/present/markdownEscape', () => {
  it('backslash-escapes ASCII punctuation and folds line breaks', () => {
    assert.equal(escapeMarkdown('[a](command:x) <b> *c* `d`\r\n#e'), '\\[a\\]\\(command\\:x\\) \\<b\\> \\*c\\* \\`d\\` \\#e');
    assert.equal(escapeMarkdown('a\u2028\u2029b\vc\fd\x85e'), 'a b c d e');
  });

  it('keeps whitespace at the ends as character references (no code block, nothing trimmed); NUL as U+FFFD', () => {
    assert.equal(escapeMarkdown('    code\t'), '&#32;&#32;&#32;&#32;code&#9;');
    assert.equal(escapeMarkdown('\u00a0x'), '&#160;x');
    assert.equal(escapeMarkdown('a\0b'), 'a\uFFFDb');
    assert.equal(escapeMarkdown(''), '');
  });

  it('renders examples that once were markup as their text', () => {
    for (const s of ['https://evil.example', 'www.example.com', '<img src=x onerror=alert(1)>', '    indented', '1. item', '&amp;', 'a  \nb', '\\', ' ', '\n'])
      checkEscaped(s);
  });

  it('plainText breaks command links and icons, folds whitespace and shortens', () => {
    assert.equal(plainText('[x](command:y) $(zap)\n\tz'), '[x]\u200b(command:y) $\u200b(zap) z');
    assert.equal(plainText('abcdef', 4), 'abc…');
  });

  describe(`fuzz: presentation properties (${RUNS} cases each, seed ${SEED})`, function () {
    this.timeout(60_000);
    for (const p of PRESENT_PROPERTIES) {
      it(p.name, () => {
        const result = fc.check(p.property({ longLine: 0 }) as fc.IProperty<unknown[]>, { numRuns: RUNS, seed: SEED });
        if (result.failed) {
          const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
          assert.fail(`${error}\n${fc.defaultReportMessage(result)}\n(seed ${SEED}; re-run with FUZZ_SEED=${SEED})`);
        }
      });
    }
  });
});
