// The CLI tests run the bundle (dist/cli.js). `npm run test:unit` builds once before mocha; building again in a test
// would double the suite's build time, so a test only refuses a bundle that is missing or older than its sources.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const root = path.join(__dirname, '../..');
export const builtCli = path.join(root, 'dist/cli.js');

function newest(dir: string): number {
  return Math.max(
    0,
    ...fs.readdirSync(dir, { withFileTypes: true }).map(e => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs;
    }),
  );
}

export function assertCliBuilt(): void {
  const built = fs.existsSync(builtCli) ? fs.statSync(builtCli).mtimeMs : 0;
  assert.ok(built >= newest(path.join(root, 'src')), `${builtCli} is missing or older than src/: run \`node esbuild.mjs\` first (npm run test:unit does).`);
}
