// The generated entity data against its manifest (written by `npm run data`): a hand edit of a generated file, a
// file in the folder that the build does not write, or an input changed without a rebuild fails here.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const generated = join(root, 'src', 'core', 'data', '_generated');

interface FileEntry {
  path: string;
  sha256: string;
  bytes?: number;
}
interface Manifest {
  generated: string;
  inputs: { files: FileEntry[]; packages: Record<string, string> };
  parameters: Record<string, unknown>;
  outputs: FileEntry[];
}

const manifest = JSON.parse(readFileSync(join(generated, 'manifest.json'), 'utf8')) as Manifest;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const REBUILD = 'run `npm run data` (with ../shared/data present) instead of editing generated files';

describe('generated entity data (src/core/data/_generated) and its manifest', () => {
  it('names its generator, its inputs, its parameters and seeds, and at least one output', () => {
    assert.match(manifest.generated, /npm run data/);
    assert.ok(
      manifest.inputs.files.some(f => f.path.endsWith('conll2003/eng.train')),
      'eng.train among the inputs',
    );
    assert.ok(Object.keys(manifest.inputs.packages).length > 0, 'package versions recorded');
    assert.ok(Array.isArray(manifest.parameters.seeds) && manifest.parameters.seeds.length > 0, 'seeds recorded');
    assert.ok(manifest.outputs.length > 0);
  });

  it('every committed output has the SHA-256 and size the manifest records', () => {
    for (const out of manifest.outputs) {
      const file = join(generated, out.path);
      assert.ok(existsSync(file), `${out.path} is listed in the manifest but missing: ${REBUILD}`);
      assert.equal(sha256(file), out.sha256, `src/core/data/_generated/${out.path} differs from what npm run data wrote: ${REBUILD}`);
      assert.equal(readFileSync(file).length, out.bytes, out.path);
    }
  });

  it('the folder holds the manifest and the outputs it lists, nothing else', () => {
    const listed = new Set([...manifest.outputs.map(o => o.path), 'manifest.json']);
    for (const name of readdirSync(generated)) {
      assert.ok(listed.has(name), `src/core/data/_generated/${name} is not written by npm run data: move it out of the folder`);
    }
  });

  it('the inputs kept in the project are the ones the data was built from', () => {
    const local = manifest.inputs.files.filter(f => !f.path.startsWith('..'));
    assert.ok(local.length > 0, 'curated.ts among the inputs');
    for (const input of local) {
      assert.equal(sha256(join(root, input.path)), input.sha256, `${input.path} changed since the data was built: run npm run data`);
    }
  });

  it('the locked versions of the input packages are the ones the data was built from', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    for (const [name, version] of Object.entries(manifest.inputs.packages)) {
      assert.equal(lock.packages[`node_modules/${name}`]?.version, version, `${name} in package-lock.json: run npm run data after upgrading it`);
    }
  });

  it('the core loads exactly the generated files, through its one loader (entities/data.ts)', () => {
    const loader = readFileSync(join(root, 'src', 'core', 'entities', 'data.ts'), 'utf8');
    const loaded = [...loader.matchAll(/from '\.\.\/data\/_generated\/([^']+)'/g)].map(m => m[1]).sort();
    assert.deepEqual(loaded, manifest.outputs.map(o => o.path).sort());
    const src = join(root, 'src');
    const others = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter(f => f.endsWith('.ts') && !f.endsWith(join('entities', 'data.ts')))
      .filter(f => readFileSync(join(src, f), 'utf8').includes('_generated/'));
    assert.deepEqual(others, [], 'only src/core/entities/data.ts imports the generated files');
  });
});
