// The article paths of split decisions between the decisions file (relative to its folder) and the editor's corpus
// keys (workspace-relative, the folder's name first in a multi-root workspace): src/vscode/corpus/decisionsPaths.ts.
import { strict as assert } from 'node:assert';
import { emptyDecisions, rekeyArticles, type CorpusDecisions } from '../../../../src/core';
import { filePathOfKey, keyOfFilePath, type DecisionsPlace } from '../../../../src/vscode/corpus/decisionsPaths';

const south = { name: 'south', uri: 'file:///work/story/south' };
const north = { name: 'north', uri: 'file:///work/other%20place/north' };
const single: DecisionsPlace = { folders: [south], decisionsFolder: south.uri };
const multi: DecisionsPlace = { folders: [north, south], decisionsFolder: south.uri };

describe('vscode/corpus decisionsPaths', () => {
  it('one folder: the file path is the key', () => {
    for (const p of ['a.txt', '2016/nov/b.md', 'with space.txt', 'hash#1.txt']) {
      assert.equal(keyOfFilePath(p, single), p);
      assert.equal(filePathOfKey(p, single), p);
    }
  });

  it("several folders: the decisions folder's articles keep their path; another folder's get ../", () => {
    assert.equal(keyOfFilePath('a.txt', multi), 'south/a.txt');
    assert.equal(filePathOfKey('south/a.txt', multi), 'a.txt');
    assert.equal(keyOfFilePath('../../other%20place/north/x/b.txt', multi), 'north/x/b.txt');
    assert.equal(filePathOfKey('north/x/b.txt', multi), '../../other%20place/north/x/b.txt');
  });

  it('a file written with one folder names the same articles after a second folder is added', () => {
    const written = filePathOfKey('2016/a.txt', single);
    assert.equal(keyOfFilePath(written, multi), 'south/2016/a.txt');
  });

  it('round trips every key of every folder', () => {
    for (const key of ['south/a.txt', 'south/d/e/f.md', 'north/a.txt', 'north/weird name#.txt'])
      assert.equal(keyOfFilePath(filePathOfKey(key, multi), multi), key);
  });

  it('a path that names no workspace folder, an absolute one or one above the root is kept as written', () => {
    for (const p of ['../elsewhere/a.txt', '../../../../../a.txt', '/abs/a.txt', 'file:///x/a.txt']) assert.equal(keyOfFilePath(p, multi), p);
    assert.equal(filePathOfKey('gone/a.txt', multi), 'gone/a.txt', 'a key of a folder no longer in the workspace');
  });

  it('rekeyArticles maps split articles only, and returns the same object when nothing changes', () => {
    const d: CorpusDecisions = {
      ...emptyDecisions(),
      entities: [
        { kind: 'split', entity: { type: 'person', name: 'Assad' }, name: 'Hafez al-Assad', articles: ['a.txt', '../../other%20place/north/b.txt'] },
        { kind: 'split', entity: { type: 'person', name: 'Assad' }, name: 'Other', aliases: ['Assad'] },
        { kind: 'rename', entity: { type: 'person', name: 'a.txt' }, name: 'a.txt' },
      ],
    };
    const keyed = rekeyArticles(d, p => keyOfFilePath(p, multi));
    assert.deepEqual(keyed.entities[0], { ...d.entities[0], articles: ['south/a.txt', 'north/b.txt'] });
    assert.equal(keyed.entities[1], d.entities[1]);
    assert.equal(keyed.entities[2], d.entities[2]);
    assert.deepEqual(
      rekeyArticles(keyed, k => filePathOfKey(k, multi)),
      d,
    );
    assert.equal(
      rekeyArticles(d, p => p),
      d,
    );
  });
});
