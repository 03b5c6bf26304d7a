// The memory part of `npm run bench`, run in a child process of its own so that its peak (the process's maximum
// resident set size, read from the OS) belongs to this one measurement: builds an entity-dense article of
// `--chars` code units from the CoNLL-2003 training text (or the sample articles), then runs on it exactly what
// `annotate` runs (the CLI's one-shot analysis, reconcile, the sidecar written to a temporary folder through the
// Node storage) and prints one JSON line of figures.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../src/core/analyze';
import { annotateArticle } from '../src/core/sidecar';
import { NodeSidecarStorage } from '../src/node/storage';
import { readConll } from './eval/conll-reader';

const root = path.resolve(__dirname, '..');
const dataDir = process.env.NEWS_ANNOTATOR_DATA ?? path.resolve(root, '../shared/data');
const chars = Number(process.argv[process.argv.indexOf('--chars') + 1]);

/** Names from the gold annotations (or capitalised runs of the sample articles), strung into short sentences. */
function entityDenseArticle(size: number): { text: string; source: string } {
  const train = path.join(dataDir, 'conll2003/eng.train');
  let names: string[];
  let source: string;
  if (fs.existsSync(train)) {
    names = [...new Set(readConll(train).flatMap(d => d.gold.map(g => d.text.slice(g.start, g.end))))];
    source = 'names of the CoNLL-2003 training text';
  } else {
    const seeds = fs
      .readdirSync(path.join(root, 'seeds'))
      .filter(f => f.endsWith('.txt'))
      .map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
    names = [...new Set(seeds.join('\n').match(/\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*/gu) ?? [])];
    source = 'capitalised names of the sample articles';
  }
  const verbs = ['met', 'called', 'and', 'told', 'visited', 'joined'];
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const other = names[(i * 7 + 3 + Math.floor(i / names.length) * 13) % names.length]; // pairs never repeat: no line is served from the cache
    const s = `${names[i % names.length]} ${verbs[i % verbs.length]} ${other}${i % 5 === 4 ? '.\n' : ', '}`;
    parts.push(s);
    n += s.length;
  }
  return { text: parts.join('').slice(0, size), source };
}

async function main(): Promise<void> {
  const { text, source } = entityDenseArticle(chars);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-'));
  try {
    const sidecarPath = path.join(dir, 'article.txt.annotations.json');
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const t0 = process.hrtime.bigint();
    const result = await annotateArticle({ storage: new NodeSidecarStorage(), sidecarPath, file: 'article.txt', text, analyze, write: true });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const peak = process.resourceUsage().maxRSS * 1024;
    if (!result.written) throw new Error(`the sidecar was not written: ${(result.loadError ?? result.saveError)?.message}`);
    const bytes = fs.statSync(sidecarPath).size;
    console.log(JSON.stringify({ chars: text.length, source, annotations: result.sidecar.annotations.length, sidecarBytes: bytes, ms, baseline, peak }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
