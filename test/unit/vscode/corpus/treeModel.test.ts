// The Corpus view's nodes (src/vscode/corpus/treeModel.ts) over a real core Corpus of two small articles.
import { strict as assert } from 'node:assert';
import { analyze, Corpus, corpusArticleFromAnalysis, entitiesContaining, sha256Hex } from '../../../../src/core';
import { corpusChildren, lineAt, type CorpusNode } from '../../../../src/vscode/corpus/treeModel';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Angela Merkel met Vladimir Putin in Berlin on Tuesday.\nMerkel said Putin should visit Berlin again.\n',
  'b.txt': 'Vladimir Putin spoke in Moscow.\n',
};

function corpus(): Corpus {
  const c = new Corpus();
  for (const [path, text] of Object.entries(ARTICLES)) c.setArticle(corpusArticleFromAnalysis(path, text, sha256Hex(text), analyze(text)));
  c.setUnindexed('c.txt', 'binary file (contains NUL bytes), not a text article');
  return c;
}

const query = (filter = '') => ({ filter, appearsWith: () => [] });

describe('vscode/corpus treeModel', () => {
  it('lists types, then the not-indexed files', () => {
    const roots = corpusChildren(corpus(), query());
    assert.deepEqual(
      roots.map(n => (n.kind === 'type' ? n.type : n.kind)),
      ['person', 'place', 'unindexed'],
    );
    const failed = corpusChildren(corpus(), query(), roots[roots.length - 1]);
    assert.deepEqual(failed, [{ kind: 'failed', path: 'c.txt', reason: 'binary file (contains NUL bytes), not a text article' }]);
  });

  it('gives each entity its article and mention counts, then Appears with, its articles and their mentions with lines', () => {
    const c = corpus();
    const people = corpusChildren(c, query()).find(n => n.kind === 'type' && n.type === 'person')!;
    const putin = corpusChildren(c, query(), people).find(n => n.kind === 'entity' && n.name === 'Vladimir Putin') as Extract<CorpusNode, { kind: 'entity' }>;
    assert.equal(putin.articles, 2);
    assert.equal(putin.mentions, 3);
    const children = corpusChildren(c, query(), putin);
    assert.deepEqual(
      children.map(n => (n.kind === 'article' ? `${n.path}:${n.mentions}` : n.kind)),
      ['appearsWith', 'a.txt:2', 'b.txt:1'],
    );
    const mentions = corpusChildren(c, query(), children[1]);
    assert.deepEqual(
      mentions.map(m => (m.kind === 'mention' ? `${m.line}:${m.text}` : '')),
      ['0:Vladimir Putin', '1:Putin'],
    );
  });

  it('filters entities by name or alias, case and spacing ignored', () => {
    const c = corpus();
    const putin = c.entities().find(e => e.name === 'Vladimir Putin')!;
    assert.ok(entitiesContaining(c, 'putin').includes(putin));
    assert.ok(entitiesContaining(c, '  VLADIMIR   put').includes(putin));
    assert.ok(!entitiesContaining(c, 'merkel').includes(putin));
    const roots = corpusChildren(c, query('merkel'));
    assert.deepEqual(
      roots.map(n => (n.kind === 'type' ? `${n.type}:${n.count}` : n.kind)),
      ['person:1', 'unindexed'],
    );
  });

  it('shows the filtered entities again after a change (not those of the index as it was)', () => {
    const c = corpus();
    const types = () => corpusChildren(c, query('merkel')).map(n => (n.kind === 'type' ? `${n.type}:${n.count}` : n.kind));
    assert.deepEqual(types(), ['person:1', 'unindexed']);
    c.removeArticle('a.txt');
    assert.deepEqual(types(), ['unindexed']);
  });

  it('finds the line of an offset', () => {
    assert.deepEqual(lineAt('ab\ncd\r\nef', 4), { line: 1, lineText: 'cd' });
    assert.deepEqual(lineAt('ab', 0), { line: 0, lineText: 'ab' });
  });
});
