// The extension host require()s this file and calls run(): mocha over the bundled *.test.js files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
  // INTEGRATION_GREP=<text>: only the tests whose title contains it (while working on them)
  if (process.env.INTEGRATION_GREP) mocha.grep(process.env.INTEGRATION_GREP);
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      // The closing line CI reads.
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed.`));
      else resolve();
    });
  });
}
