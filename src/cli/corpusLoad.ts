// Builds the corpus of the PATHs for `corpus` and `check`: every article as `annotate` finds them, indexed from
// its sidecar when the sidecar is up to date (same SHA-256), else analyzed in memory (a stale sidecar is reconciled
// as `annotate` would, keeping the manual work). The decisions file of the PATHs' nearest common folder is honoured
// (the folder a workspace would be: its keys are paths under it); nothing is written.
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
  readAhead,
  loadSidecar,
  parseDecisions,
  rejectedNames,
  withoutRejectedNames,
  type AnalyzeOptions,
  type CorpusArticle,
  type CorpusDecisions,
  type LoadResult,
} from '../core';
import { sha256HexNative } from '../node/hash';
import { readFileQuick, statQuick } from '../node/quickFs';
import { NodeSidecarStorage } from '../node/storage';
import { collectArticles, commonFolder, sidecarPathOf, type ArticleFile } from './files';
import type { CliIO } from './io';
import { safeText } from './safeText';
import { GENERATOR } from './version';

export interface LoadedCorpus {
  corpus: Corpus;
  /** The nearest common folder of the PATHs (absolute): its decisions file is applied, article keys are under it. */
  folder: string;
  /** Each indexed article's key -> its path as the user named it (the PATH argument, then the path under it). */
  shown: Map<string, string>;
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

/**
 * Where the decisions file of `paths` is: their nearest common folder, a folder counting as itself and a file as
 * the folder holding it. Paths that do not exist (reported as unreadable) do not move it.
 */
export async function decisionsFolder(paths: readonly string[], cwd: string): Promise<string> {
  const folders: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const stat = await fsp.stat(abs).catch(() => undefined);
    if (stat) folders.push(stat.isDirectory() ? abs : path.dirname(abs));
  }
  return folders.length > 0 ? commonFolder(folders) : commonFolder(paths.map(p => path.dirname(path.resolve(cwd, p))));
}

export async function loadCorpus(paths: readonly string[], io: CliIO, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): Promise<LoadedCorpus> {
  const folder = await decisionsFolder(paths, io.cwd);
  const decisions = await readDecisions(folder);
  const corpus = new Corpus(decisions);
  const lexicon = correctionsLexicon(decisions);
  const rejected = rejectedNames(decisions);
  // "every article" corrections: their names typed as the user chose, rejected names never back
  const analyzeWith = (text: string, options: AnalyzeOptions = {}) =>
    withoutRejectedNames(analyze(text, { ...options, lexicon: { ...options.lexicon, ...lexicon } }), rejected);
  const { articles, problems, skipped } = await collectArticles(paths, io.cwd);
  for (const p of problems) corpus.setUnindexed(safeText(p.display), p.reason);
  for (const s of skipped) io.stderr(`news-annotator: ${s}: skipped (a sidecar, not an article)\n`);
  const storage = new NodeSidecarStorage();
  const loaded: LoadedCorpus = { corpus, folder, shown: new Map(), fromSidecars: 0, analyzed: 0, warnings: [] };
  // collected, then indexed in one call: the names are linked once for all of them
  const indexed: CorpusArticle[] = [];
  // each article's files read ahead (readAhead), the articles indexed one by one in their order
  for await (const [article, files] of readAhead(articles, a => readArticleFiles(a, storage, maxBytes))) {
    // the host's key: the path under the common folder, with forward slashes (as a workspace folder keys it)
    const key = path.relative(folder, article.file).split(path.sep).join('/');
    loaded.shown.set(key, article.display);
    const read = await indexOne(article, key, files, loaded, storage, analyzeWith);
    if (read) indexed.push(read);
  }
  corpus.setArticles(indexed);
  return loaded;
}

/** An article's files as read: its bytes (or why not) and its sidecar (loaded only when the article could be read). */
type ArticleFiles = { failure: string } | { decoded: ReturnType<typeof decodeArticle>; stored: LoadResult };

async function readArticleFiles(article: ArticleFile, storage: NodeSidecarStorage, maxBytes: number): Promise<ArticleFiles> {
  let bytes: Uint8Array;
  try {
    const stat = await statQuick(article.file);
    if (stat.size > maxBytes) return { failure: `too large (${formatSize(stat.size)}; the limit is ${formatSize(maxBytes)}, see --max-size)` };
    bytes = await readFileQuick(article.file);
  } catch (e) {
    return { failure: `cannot read: ${(e as Error).message}` };
  }
  const decoded = decodeArticle(bytes, maxBytes);
  // a sidecar is read only for an article that is one
  const stored: LoadResult = decoded.ok ? await loadSidecar(storage, sidecarPathOf(article, undefined), { backup: false }) : { status: 'missing' };
  return { decoded, stored };
}

async function indexOne(
  article: ArticleFile,
  key: string,
  files: ArticleFiles,
  loaded: LoadedCorpus,
  storage: NodeSidecarStorage,
  analyzeWith: (text: string, options?: AnalyzeOptions) => ReturnType<typeof analyze>,
): Promise<CorpusArticle | undefined> {
  const { corpus } = loaded;
  if ('failure' in files) return void corpus.setUnindexed(key, files.failure);
  const { decoded, stored } = files;
  if (!decoded.ok) return void corpus.setUnindexed(key, decoded.reason);
  const text = decoded.text;
  const sha256 = sha256HexNative(text);
  const sidecarPath = sidecarPathOf(article, undefined);
  if (stored.status === 'ok' && stored.sidecar.document.sha256 === sha256) {
    loaded.fromSidecars++;
    return corpusArticleFromSidecar(key, text, stored.sidecar);
  }
  loaded.analyzed++;
  if (stored.status === 'missing') return corpusArticleFromAnalysis(key, text, sha256, analyzeWith(text));
  if (stored.status === 'error') {
    loaded.warnings.push(`${article.display}: ${stored.error.reason} (analyzed in memory instead)`);
    return corpusArticleFromAnalysis(key, text, sha256, analyzeWith(text));
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
  return corpusArticleFromSidecar(key, text, result.sidecar);
}
