// The benchmark's corpus: N articles of distinct text made from the CoNLL-2003 development documents and the seeds
// (the sample articles alone when ../shared/data is absent, which the name says), for `bench`, `bench:corpus` and
// `bench:editor`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readConll } from '../eval/conll-reader';
import { distinctDocuments } from './scale';

const root = path.resolve(__dirname, '../..');

/** The sample articles' texts, in file-name order. */
export const seedTexts = (): string[] =>
  fs
    .readdirSync(path.join(root, 'seeds'))
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));

/** The documents the corpus is made from, and what they are. */
export function corpusDocs(): { docs: string[]; name: string } {
  const dataDir = process.env.NEWS_ANNOTATOR_DATA ?? path.resolve(root, '../shared/data');
  const conll = path.join(dataDir, 'conll2003/eng.testa');
  const seeds = seedTexts();
  const docs = fs.existsSync(conll) ? readConll(conll).map(d => d.text) : [];
  const name = docs.length > 0 ? `CoNLL-2003 development text (${docs.length} documents) and the seeds` : 'the sample articles (../shared/data is absent)';
  return { docs: [...docs, ...seeds], name };
}

/** N articles of distinct text made from `docs` (the CoNLL development documents and the seeds). */
export function articlesFrom(docs: readonly string[], n: number): string[] {
  const average = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  return distinctDocuments(docs, Math.ceil(n * average * 1.05)).slice(0, n);
}

/** The corpus's article paths, as the benches name them. */
export const articlePaths = (count: number): string[] => Array.from({ length: count }, (_, i) => `story/${String(i).padStart(5, '0')}.txt`);
