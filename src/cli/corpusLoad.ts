// Builds the corpus of one folder for `corpus` and `check`: every article as `annotate` finds them, indexed from
// its sidecar when the sidecar is up to date (same SHA-256), else analyzed in memory (a stale sidecar is reconciled
// as `annotate` would, keeping the manual work). The folder's decisions file is honoured; nothing is written.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  annotateArticle,
  Corpus,
  corpusArticleFromAnalysis,
  corpusArticleFromSidecar,
  correctionsLexicon,
  DECISIONS_PATH,
  decodeArticle,
  DEFAULT_MAX_ARTICLE_BYTES,
  emptyDecisions,
  formatSize,
  loadSidecar,
  parseDecisions,
  rejectedNames,
  sha256Hex,
  withoutRejectedNames,
  type AnalyzeOptions,
  type CorpusDecisions,
} from '../core';
import { NodeSidecarStorage } from '../node/storage';
import { collectArticles, sidecarPathOf, type ArticleFile } from './files';
import { UsageError, type CliIO } from './io';
import { safeText } from './safeText';
import { GENERATOR } from './version';

export interface LoadedCorpus {
  corpus: Corpus;
  /** The folder as typed, for messages and finding paths. */
  folder: string;
  fromSidecars: number;
  analyzed: number;
  /** Sidecars that could not be used (the article was analyzed instead), as messages. */
  warnings: string[];
}

/** The folder's decisions file, or empty decisions when there is none; throws DecisionsError when it is unusable. */
async function readDecisions(folder: string): Promise<CorpusDecisions> {
  const file = path.join(folder, DECISIONS_PATH);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyDecisions();
    throw e;
  }
  return parseDecisions(text, file);
}

export async function loadCorpus(folderArg: string, io: CliIO, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): Promise<LoadedCorpus> {
  const folder = path.resolve(io.cwd, folderArg);
  const stat = await fsp.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${safeText(folderArg)} is not a folder: name the folder of articles`);
  const decisions = await readDecisions(folder);
  const corpus = new Corpus(decisions);
  const lexicon = correctionsLexicon(decisions);
  const rejected = rejectedNames(decisions);
  // "every article" corrections: their names typed as the user chose, rejected names never back
  const analyzeWith = (text: string, options: AnalyzeOptions = {}) =>
    withoutRejectedNames(analyze(text, { ...options, lexicon: { ...options.lexicon, ...lexicon } }), rejected);
  const { articles, problems } = await collectArticles([folderArg], io.cwd);
  for (const p of problems) corpus.setUnindexed(safeText(p.display), p.reason);
  const storage = new NodeSidecarStorage();
  const loaded: LoadedCorpus = { corpus, folder: folderArg, fromSidecars: 0, analyzed: 0, warnings: [] };
  for (const article of articles) await indexOne(article, loaded, storage, analyzeWith, maxBytes);
  return loaded;
}

/** The host's key for an article: its path under the folder, with forward slashes. */
const keyOf = (article: ArticleFile) => article.relative.split(path.sep).join('/');

async function indexOne(
  article: ArticleFile,
  loaded: LoadedCorpus,
  storage: NodeSidecarStorage,
  analyzeWith: (text: string, options?: AnalyzeOptions) => ReturnType<typeof analyze>,
  maxBytes: number,
): Promise<void> {
  const key = keyOf(article);
  const { corpus } = loaded;
  let bytes: Uint8Array;
  try {
    const stat = await fsp.stat(article.file);
    if (stat.size > maxBytes) return corpus.setUnindexed(key, `too large (${formatSize(stat.size)}; the limit is ${formatSize(maxBytes)}, see --max-size)`);
    bytes = await fsp.readFile(article.file);
  } catch (e) {
    return corpus.setUnindexed(key, `cannot read: ${(e as Error).message}`);
  }
  const decoded = decodeArticle(bytes, maxBytes);
  if (!decoded.ok) return corpus.setUnindexed(key, decoded.reason);
  const text = decoded.text;
  const sha256 = sha256Hex(text);
  const sidecarPath = sidecarPathOf(article, undefined);
  const stored = await loadSidecar(storage, sidecarPath, { backup: false });
  if (stored.status === 'ok' && stored.sidecar.document.sha256 === sha256) {
    loaded.fromSidecars++;
    return corpus.setArticle(corpusArticleFromSidecar(key, text, stored.sidecar));
  }
  loaded.analyzed++;
  if (stored.status === 'missing') return corpus.setArticle(corpusArticleFromAnalysis(key, text, sha256, analyzeWith(text)));
  if (stored.status === 'error') {
    loaded.warnings.push(`${article.display}: ${stored.error.reason} (analyzed in memory instead)`);
    return corpus.setArticle(corpusArticleFromAnalysis(key, text, sha256, analyzeWith(text)));
  }
  // the article changed since its sidecar was written: reconciled in memory, manual work kept
  const result = await annotateArticle({
    storage,
    sidecarPath,
    file: path.basename(article.file),
    text,
    analyze: analyzeWith,
    generator: GENERATOR,
    write: false,
  });
  corpus.setArticle(corpusArticleFromSidecar(key, text, result.sidecar));
}
