// Listing a folder on the host's disk as VS Code's file search walks it (src/node/listFolder.ts): regular files, links
// followed or not, loops and broken links skipped, the filter asked about each entry with its siblings.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listFolder, type ListFilter } from '../../../src/node/listFolder';
import { makeAwkwardEntries } from '../../support/awkwardEntries';

const everything: ListFilter = { skipFolder: () => false, takeFile: () => true };
const sorted = (paths: string[]) => [...paths].sort();

describe('node listFolder', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-list-'));
    for (const file of ['a.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'real/r.txt']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), file);
    }
    fs.mkdirSync(path.join(root, 'empty'));
    makeAwkwardEntries(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists regular files and follows links, once around a loop, never a FIFO or a broken link', async () => {
    assert.deepEqual(sorted(await listFolder(root, everything, { followSymlinks: true })), [
      'a.txt',
      'link.txt',
      'linkdir/r.txt',
      'real/r.txt',
      'sub/b.txt',
      'sub/deeper/c.txt',
    ]);
  });

  it('leaves links out when not following them', async () => {
    assert.deepEqual(sorted(await listFolder(root, everything, { followSymlinks: false })), ['a.txt', 'real/r.txt', 'sub/b.txt', 'sub/deeper/c.txt']);
  });

  it('asks the filter with each path and its siblings, and does not walk into a folder it skips', async () => {
    const asked: string[] = [];
    const filter: ListFilter = {
      skipFolder: relative => {
        asked.push(`folder ${relative}`);
        return relative === 'sub';
      },
      takeFile: (relative, siblings) => {
        asked.push(`file ${relative} [${sorted([...siblings]).join(' ')}]`);
        return relative.endsWith('.txt');
      },
    };
    const found = await listFolder(path.join(root, 'real'), filter, { followSymlinks: false });
    assert.deepEqual(found, ['r.txt']);
    fs.rmSync(path.join(root, 'real/loop'));
    await listFolder(root, filter, { followSymlinks: false });
    assert.ok(asked.includes('folder sub'), asked.join('\n'));
    assert.ok(asked.includes('file a.txt [a.txt broken.txt empty fifo.txt link.txt linkdir real sub]'), asked.join('\n'));
    assert.ok(!asked.some(a => a.startsWith('file sub/')), 'nothing inside a skipped folder is asked about');
  });

  it('gives nothing for a folder that is not there', async () => {
    assert.deepEqual(await listFolder(path.join(root, 'gone'), everything, { followSymlinks: true }), []);
  });
});
