// The child of ./snapshotFresh.ts: one index of the corpus in a fresh process, bundled as the editor runs it, timed
// from inside (the process's start and the reading of the texts are not timed). Prints {ms, cpu, entities} as JSON.
// usage: node bundle.js snapshot|analyze DIR (DIR holds fresh.json: {texts, paths, files}, and the snapshot)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../src/core/analyze';
import {
  Corpus,
  corpusArticleFromAnalysis,
  corpusArticleFromSnapshot,
  isRecordUsable,
  parseCorpusSnapshot,
  type CorpusArticle,
  type CorpusSnapshot,
} from '../../src/core';
import { sha256HexNative } from '../../src/node/hash';

const [mode, dir] = process.argv.slice(2);
const { texts, paths, files } = JSON.parse(fs.readFileSync(path.join(dir, 'fresh.json'), 'utf8')) as { texts: string[]; paths: string[]; files: string[] };

function fromSnapshot(): { articles: CorpusArticle[]; snapshot: CorpusSnapshot } {
  const snapshot = parseCorpusSnapshot(fs.readFileSync(path.join(dir, 'corpus-snapshot.json'), 'utf8'));
  if (!snapshot) throw new Error('the snapshot does not parse');
  const articles = texts.map((text, i) => {
    const record = snapshot.records.get(paths[i]);
    const s = fs.statSync(files[i]);
    const article = record && isRecordUsable(record, sha256HexNative(text), { size: s.size, mtime: s.mtimeMs }) && corpusArticleFromSnapshot(record, text);
    if (!article) throw new Error(`${paths[i]}: its snapshot record is not usable`);
    return article;
  });
  return { articles, snapshot };
}

let analyzer: Analyzer | undefined;
if (mode === 'analyze') {
  // the models loaded before the clock starts: an editor has them for the article it opened
  analyzer = new Analyzer(0);
  analyzer.analyze('Vladimir Putin met Angela Merkel in Berlin on Monday.', { keep: false });
}
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const { articles, snapshot } =
  mode === 'snapshot'
    ? fromSnapshot()
    : { articles: texts.map((t, i) => corpusArticleFromAnalysis(paths[i], t, sha256HexNative(t), analyzer!.analyze(t, { keep: false }))), snapshot: undefined };
const corpus = new Corpus();
corpus.setArticles(articles, snapshot);
const entities = corpus.entities().length;
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, entities }));
