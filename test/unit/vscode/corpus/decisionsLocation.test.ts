// Where the editor keeps the decisions file in a workspace of one or several folders
// (src/vscode/corpus/decisionsLocation.ts).
import { strict as assert } from 'node:assert';
import { decisionsLocation } from '../../../../src/vscode/corpus/decisionsLocation';

const folders = (...has: boolean[]) => has.map((hasFile, i) => ({ folder: `f${i}`, hasFile }));

describe('vscode/corpus decisionsLocation', () => {
  it('a single folder holds it, whether or not it exists yet', () => {
    assert.deepEqual(decisionsLocation(folders(false)), { folder: 'f0', ignored: [] });
    assert.deepEqual(decisionsLocation(folders(true)), { folder: 'f0', ignored: [] });
  });

  it('several folders and no file yet: the first folder, where the first decision creates it', () => {
    assert.deepEqual(decisionsLocation(folders(false, false, false)), { folder: 'f0', ignored: [] });
  });

  it('the first folder that has one, wherever it is in the order (adding a folder before it does not orphan it)', () => {
    assert.deepEqual(decisionsLocation(folders(false, true, false)), { folder: 'f1', ignored: [] });
  });

  it("names the other folders' files, which are not read", () => {
    assert.deepEqual(decisionsLocation(folders(false, true, false, true)), { folder: 'f1', ignored: ['f3'] });
  });

  it('no workspace folder: nowhere', () => {
    assert.deepEqual(decisionsLocation([]), { folder: undefined, ignored: [] });
  });
});
