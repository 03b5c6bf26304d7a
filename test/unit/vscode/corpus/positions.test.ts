// Offsets of an indexed article as line and character (src/vscode/corpus/positions.ts).
import { strict as assert } from 'node:assert';
import { positionIn } from '../../../../src/vscode/corpus/positions';

describe('vscode/corpus positions', () => {
  it('counts lines and UTF-16 characters as VS Code does', () => {
    const article = { text: 'ab\n\ncd é😀x\r\nlast' };
    const at = (offset: number) => positionIn(article, article.text, offset);
    assert.deepEqual(at(0), { line: 0, character: 0 });
    assert.deepEqual(at(2), { line: 0, character: 2 });
    assert.deepEqual(at(3), { line: 1, character: 0 });
    assert.deepEqual(at(4), { line: 2, character: 0 });
    assert.deepEqual(at(article.text.indexOf('x')), { line: 2, character: 6 });
    assert.deepEqual(at(article.text.length), { line: 3, character: 4 });
  });
});
