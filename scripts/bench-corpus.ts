// `npm run bench:corpus`: only the benchmark's corpus section (11), for working on the corpus index without
// running the whole benchmark. BENCH_CORPUS_ARTICLES sizes the corpus (default 2,000, as in `npm run bench`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readConll } from './eval/conll-reader';
import { corpusSection } from './bench/corpus';

const root = path.resolve(__dirname, '..');
const dataDir = process.env.NEWS_ANNOTATOR_DATA ?? path.resolve(root, '../shared/data');
const conll = path.join(dataDir, 'conll2003/eng.testa');
const seeds = fs
  .readdirSync(path.join(root, 'seeds'))
  .filter(f => f.endsWith('.txt'))
  .sort()
  .map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
const docs = fs.existsSync(conll) ? readConll(conll).map(d => d.text) : [];
const name = docs.length > 0 ? `CoNLL-2003 development text (${docs.length} documents) and the seeds` : 'the sample articles (../shared/data is absent)';
console.log(`News Annotator benchmark, corpus section only (node ${process.version})`);
corpusSection([...docs, ...seeds], name);
