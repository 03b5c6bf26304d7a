import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openNewFile } from '../../../src/node/safeFs';

describe('openNewFile (a sidecar temporary file, created off the main thread)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-safefs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the file and gives a descriptor to write it through', async () => {
    const file = path.join(dir, 'new.tmp');
    const fd = await openNewFile(file);
    try {
      fs.writeSync(fd, 'written');
    } finally {
      fs.closeSync(fd);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), 'written');
  });

  it('refuses a name that is taken (EEXIST) and leaves the file as it was', async () => {
    const file = path.join(dir, 'taken.tmp');
    fs.writeFileSync(file, 'before');
    await assert.rejects(openNewFile(file), { code: 'EEXIST' });
    assert.equal(fs.readFileSync(file, 'utf8'), 'before');
  });

  it('never follows a symbolic link planted at the name, even a dangling one', async () => {
    const target = path.join(dir, 'elsewhere');
    const link = path.join(dir, 'planted.tmp');
    fs.symlinkSync(target, link);
    await assert.rejects(openNewFile(link), { code: 'EEXIST' });
    assert.equal(fs.existsSync(target), false);
  });
});
