// Which workspace files the editor's corpus reads as articles (src/vscode/corpus/articleGlobs.ts).
import { strict as assert } from 'node:assert';
import { articleGlobs, isExcludedPath } from '../../../../src/vscode/corpus/articleGlobs';

describe('vscode/corpus articleGlobs', () => {
  it('maps the default article languages to their file extensions', () => {
    const g = articleGlobs(['plaintext', 'markdown'], []);
    assert.deepEqual(g.globs, ['**/*.{txt,text,md,markdown,mdown,mkd,mkdn,mdwn}']);
    assert.deepEqual(g.unmapped, []);
  });

  it('adds the file patterns as they are, apart (never nested in one pair of braces), and names languages it cannot map', () => {
    const g = articleGlobs(['plaintext', 'klingon'], ['**/articles/**/*.html', ' ', '**/*.{news,wire}', '**/articles/**/*.html']);
    assert.deepEqual(g.globs, ['**/*.{txt,text}', '**/articles/**/*.html', '**/*.{news,wire}']);
    assert.deepEqual(g.unmapped, ['klingon']);
  });

  it('has no glob when nothing can name a file', () => {
    assert.deepEqual(articleGlobs(['klingon'], []).globs, []);
  });

  it('excludes sidecars, their backups, hidden folders and dependencies', () => {
    assert.equal(isExcludedPath('seeds/a.txt'), false);
    assert.equal(isExcludedPath('a.txt.annotations.json'), true);
    assert.equal(isExcludedPath('a.txt.annotations.json.bak.2'), true);
    assert.equal(isExcludedPath('.news-annotator/sidecars/a.txt'), true);
    assert.equal(isExcludedPath('x/node_modules/b.md'), true);
    assert.equal(isExcludedPath('.hidden.txt'), false);
  });
});
