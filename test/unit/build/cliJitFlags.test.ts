// The CLI sets its V8 flags (src/node/jitFlags.ts) before any of its code runs hot, and the editor's bundles never
// set any (the extension host is shared with other extensions). Checked on the bundles as built (`node esbuild.mjs`).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_V8_FLAGS } from '../../../src/node/jitFlags';

const root = path.join(__dirname, '../../..');
const dist = (f: string) => path.join(root, 'dist', f);

describe('V8 flags of the CLI (dist/cli.js)', function () {
  this.timeout(60_000);

  before(() => {
    if (!['cli.js', 'extension.js', 'web/extension.js'].every(f => fs.existsSync(dist(f)))) {
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
    }
  });

  it('sets them when the CLI starts, through v8.setFlagsFromString', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'na-flags-'));
    try {
      // preloaded before the bundle: records every call of v8.setFlagsFromString (and still makes it)
      const spy = path.join(tmp, 'spy.cjs');
      const record = path.join(tmp, 'flags.json');
      fs.writeFileSync(
        spy,
        `const v8 = require('node:v8'); const fs = require('node:fs'); const calls = []; const real = v8.setFlagsFromString;
v8.setFlagsFromString = flags => { calls.push(flags); return real(flags); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify(calls)));\n`,
      );
      const out = execFileSync(process.execPath, ['-r', spy, dist('cli.js'), '--version'], { encoding: 'utf8' });
      assert.match(out, /\d+\.\d+\.\d+/);
      assert.deepEqual(JSON.parse(fs.readFileSync(record, 'utf8')), [CLI_V8_FLAGS]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('sets them before the analyzer is defined, so no analysis code is compiled under the default flags', () => {
    const bundle = fs.readFileSync(dist('cli.js'), 'utf8');
    const flags = bundle.indexOf('setFlagsFromString)(');
    const analyzer = bundle.indexOf('var Analyzer = class');
    assert.ok(flags > 0 && analyzer > 0, 'both found in the bundle');
    assert.ok(flags < analyzer, 'the flags module comes first');
  });

  it('leaves the editor alone: its bundles never change V8 flags', () => {
    for (const f of ['extension.js', 'web/extension.js']) assert.ok(!fs.readFileSync(dist(f), 'utf8').includes('setFlagsFromString'), f);
  });
});
