// Which files of a workspace folder the Node host's own listing takes as articles (src/vscode/corpus/articleFilter.ts),
// as code-server's findFiles answered for the same paths (the integration test compares the two on a real folder).
import { strict as assert } from 'node:assert';
import { articleFilter, filesExcludeTest } from '../../../../src/vscode/corpus/articleFilter';

const ARTICLES = ['**/*.{txt,md}'];
const none = new Set<string>();

describe('vscode/corpus articleFilter', () => {
  it('matches globs to the path in the folder, case-sensitively, `*` taking a leading dot', () => {
    const f = articleFilter([...ARTICLES, 'notes/*.news', '*.wire'], undefined);
    for (const path of ['a.txt', 'deep/er/b.md', '.hidden.txt', 'sp ace#%.txt', 'ünï.md', 'notes/a.news', 'top.wire'])
      assert.equal(f.takeFile(path, none), true, path);
    for (const path of ['A.TXT', 'b.Txt', 'notes/sub/b.news', 'sub/notes/a.news', 'sub/top.wire', 'a.txt.bak'])
      assert.equal(f.takeFile(path, none), false, path);
  });

  it('never takes sidecars or their backups, and leaves out hidden folders and node_modules', () => {
    const f = articleFilter(['**/*'], undefined);
    for (const path of ['a.txt.annotations.json', 'x/a.md.annotations.json.bak', 'a.txt.annotations.json.bak.2', '.git/a.txt'])
      assert.equal(f.takeFile(path, none), false, path);
    for (const folder of ['.git', 'x/.news-annotator', 'node_modules', 'x/node_modules']) assert.equal(f.skipFolder(folder), true, folder);
    for (const folder of ['git', 'x/news-annotator', 'x/node_modules_old']) assert.equal(f.skipFolder(folder), false, folder);
  });

  it('applies files.exclude: true leaves out files and whole folders, false nothing', () => {
    const f = articleFilter(ARTICLES, { '**/build': true, 'probe/target': true, '**/*.draft.txt': true, '**/kept': false, '**/odd': 'yes' });
    assert.equal(f.skipFolder('build'), true);
    assert.equal(f.skipFolder('sub/build'), true);
    assert.equal(f.skipFolder('probe/target'), true);
    assert.equal(f.skipFolder('sub/probe/target'), false, 'a glob without **/ is anchored at the folder');
    assert.equal(f.skipFolder('kept'), false);
    assert.equal(f.skipFolder('odd'), false, 'a value neither true nor a clause excludes nothing');
    assert.equal(f.takeFile('sub/a.draft.txt', none), false);
    assert.equal(f.takeFile('.hidden.txt', none), true);
  });

  it('applies a `when` clause against the files found beside it for the same glob, as the search does', () => {
    const f = articleFilter([...ARTICLES, '**/*.wire'], { '**/*.txt': { when: '$(basename).md' }, '**/*.{wire,md}': { when: '$(basename).ts' } });
    assert.equal(f.takeFile('s/a.txt', new Set(['a.txt', 'a.md'])), false, 'a.txt beside a.md');
    assert.equal(f.takeFile('s/a.txt', new Set(['a.txt', 'b.md'])), true, 'no a.md beside it');
    assert.equal(f.takeFile('s/a.md', new Set(['a.txt', 'a.md'])), true, 'the clause is for .txt files');
    assert.equal(f.takeFile('s/a.b.txt', new Set(['a.b.txt', 'a.b.md'])), false, '$(basename) drops the last extension only');
    assert.equal(f.takeFile('s/b.md', new Set(['b.md', 'b.ts'])), true, 'b.ts is not an article: the search never sees it');
    assert.equal(f.takeFile('s/x.txt', new Set(['x.txt', 'x.md.annotations.json'])), true, 'a sidecar is no sibling');
  });

  it('with a `when` clause in force, lists no file whose name starts with a dot, as the search does', () => {
    const f = articleFilter(ARTICLES, { '**/never': { when: 'x' } });
    assert.equal(f.takeFile('.hidden.txt', new Set(['.hidden.txt'])), false);
    assert.equal(f.takeFile('s/.hidden.md', new Set(['.hidden.md'])), false);
    assert.equal(f.takeFile('s/shown.md', new Set(['shown.md'])), true);
  });

  it('takes nothing when there is no glob, and does not stop at a glob it cannot read', () => {
    assert.equal(articleFilter([], undefined).takeFile('a.txt', none), false);
    const f = articleFilter(['x'.repeat(70000), '**/*.txt'], undefined);
    assert.equal(f.takeFile('a.txt', none), true);
  });

  it('filesExcludeTest: a file met outside a listing is left out by its own path or any folder it is in', () => {
    const test = filesExcludeTest({ '**/build': true, 'probe/draft': true, '**/*.tmp.txt': true, '**/kept': false, '**/*.txt': { when: '$(basename).md' } });
    for (const path of ['build/a.txt', 'x/build/deep/a.txt', 'probe/draft/a.txt', 'a.tmp.txt', 'x/build']) assert.equal(test(path), true, path);
    for (const path of ['a.txt', 'kept/a.txt', 'x/probe/draft/a.txt', 'builder/a.txt', 's/a.txt']) assert.equal(test(path), false, path);
    assert.equal(filesExcludeTest(undefined)('build/a.txt'), false);
  });
});
