// `news-annotator export --reviewed-only` on real files: only the annotations the user reviewed are exported.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../../../src/cli/exportCommand';
import { seedInputs } from '../../fixtures/export/articles';
import { readCsv } from '../../fixtures/export/parsers';

async function exportCli(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runExport(args, { stdout: s => void (stdout += s), stderr: s => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('news-annotator export --reviewed-only', () => {
  let dir: string;
  const [seed] = seedInputs();
  // the first two mentions accepted, the third made the user's own; the rest left unreviewed
  const sidecar = {
    ...seed.sidecar,
    annotations: seed.sidecar.annotations.map((a, i) => (i < 2 ? { ...a, reviewed: true } : i === 2 ? { ...a, source: 'manual' as const, id: 'm1' } : a)),
  };
  const wanted = sidecar.annotations.slice(0, 3).map(a => a.text);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-export-reviewed-'));
    fs.writeFileSync(path.join(dir, seed.fileName), seed.text);
    fs.writeFileSync(path.join(dir, `${seed.fileName}.annotations.json`), JSON.stringify(sidecar, null, 2));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints only the reviewed annotations, and says how many', async () => {
    const all = await exportCli(dir, '--format', 'csv', seed.fileName);
    assert.equal(all.code, 0, all.stderr);
    assert.equal(readCsv(all.stdout).records.length, sidecar.annotations.length);
    const r = await exportCli(dir, '--format', 'csv', '--reviewed-only', seed.fileName);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      readCsv(r.stdout).records.map(x => x.text),
      wanted,
    );
  });

  it('writes only the reviewed annotations into a file', async () => {
    const r = await exportCli(dir, '--format', 'csv', '--reviewed-only', '--out', 'out.csv', seed.fileName);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Exported 1 article \(3 annotations\)/);
    assert.deepEqual(
      readCsv(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).records.map(x => x.text),
      wanted,
    );
  });

  it('is in the help', async () => {
    const r = await exportCli(dir, '--help');
    assert.match(r.stdout, /--reviewed-only/);
  });
});
