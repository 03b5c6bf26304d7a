// What `npm run data` reads, and the check that all of it is there before anything is computed or written.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

/** The project root (scripts/data/..). */
export const ROOT = join(import.meta.dirname, '..', '..');
/** Where the generated files and their manifest live. */
export const OUTPUT_DIR = join(ROOT, 'src', 'core', 'data', '_generated');
/** The hand-made lists (an input of the gazetteer). */
export const CURATED = join(ROOT, 'src', 'core', 'data', 'curated.ts');
/** npm packages whose data goes into the output: their versions are recorded in the manifest. */
export const INPUT_PACKAGES = ['compromise', 'gender-detection-from-name'] as const;

export interface Inputs {
  /** The development data folder as given (or the default, ../shared/data). */
  dataDir: string;
  trainFile: string;
  /** The folder of gender-detection-from-name's per-language name lists. */
  givenNamesDir: string;
  packageVersions: Record<string, string>;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
export const sha256File = (file: string) => sha256(readFileSync(file));
/** A path as the manifest writes it: relative to the project root, with forward slashes. */
export const projectPath = (file: string) => relative(ROOT, file).split('\\').join('/');

/** The installed package's folder, found as Node finds it from the project root (its exports may hide package.json). */
function packageDir(name: string): string | null {
  const paths = createRequire(join(ROOT, 'package.json')).resolve.paths(name) ?? [];
  return paths.map(p => join(p, name)).find(dir => existsSync(join(dir, 'package.json'))) ?? null;
}

/**
 * Finds every input, or returns the list of what is missing and where it was looked for. Nothing is read beyond
 * existence checks and package versions.
 */
export function findInputs(dataDir: string): { inputs: Inputs } | { missing: string[] } {
  const missing: string[] = [];
  const trainFile = join(dataDir, 'conll2003', 'eng.train');
  if (!existsSync(trainFile)) {
    missing.push(
      `CoNLL-2003 training data: no ${trainFile} (the development data folder is ../shared/data beside the project; ` +
        'pass another folder holding conll2003/ as argument or in NEWS_ANNOTATOR_DATA)',
    );
  }
  if (!existsSync(CURATED)) missing.push(`the curated name lists: no ${CURATED}`);
  const packageVersions: Record<string, string> = {};
  for (const name of INPUT_PACKAGES) {
    const dir = packageDir(name);
    if (dir) packageVersions[name] = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    else missing.push(`the npm package ${name}: not found from ${join(ROOT, 'node_modules')} (run npm ci)`);
  }
  const genderDir = packageDir('gender-detection-from-name');
  const givenNamesDir = genderDir ? join(genderDir, 'names') : '';
  if (genderDir && (!existsSync(givenNamesDir) || !readdirSync(givenNamesDir).some(f => f.endsWith('.js')))) {
    missing.push(`gender-detection-from-name's name lists: no names/*.js in ${givenNamesDir}`);
  }
  return missing.length ? { missing } : { inputs: { dataDir, trainFile, givenNamesDir, packageVersions } };
}
