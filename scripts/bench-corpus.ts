// `npm run bench:corpus`: only the benchmark's corpus section (11), for working on the corpus index without
// running the whole benchmark. BENCH_CORPUS_ARTICLES sizes the corpus (default 2,000, as in `npm run bench`).
import { corpusDocs } from './bench/corpusTexts';
import { corpusSection } from './bench/corpus';

const { docs, name } = corpusDocs();
console.log(`News Annotator benchmark, corpus section only (node ${process.version})`);
corpusSection(docs, name);
