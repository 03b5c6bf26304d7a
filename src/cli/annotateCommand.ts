// `news-annotator annotate`: analyses articles and writes (or prints) their sidecars, keeping the user's manual
// annotations exactly as the extension does (the same core ArticleSession: load, analyze, reconcile, save, run by
// annotateArticle). One bad file never stops the others; the exit code says whether all succeeded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  annotateArticle,
  articleFormat,
  canonicalSidecar,
  decodeArticle,
  DEFAULT_MAX_ARTICLE_BYTES,
  formatSize,
  isIsoDay,
  type Sidecar,
} from '../core';
import { syncFolders } from '../node/safeFs';
import { NodeSidecarStorage } from '../node/storage';
import { annotateArticles } from './annotateJobs';
import { parseArgs, parseJobs, parseSize } from './args';
import { collectArticles, refuseSharedSidecars, sidecarPathOf, type ArticleFile } from './files';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, type CliIO } from './io';
import { formatSummary, tallyOf, type SummaryRow } from './summary';
import { GENERATOR } from './version';

export const ANNOTATE_HELP = `Usage: news-annotator annotate [options] PATH...

Annotates news articles (people, places, organizations, dates) and writes each
article's annotations beside it as <article>.annotations.json. PATH is a file or
a folder (folders: every .txt and .md file, recursively; hidden folders and
sidecars are skipped). Manual annotations already in a sidecar are kept.

Options:
  --out-dir DIR              write sidecars under DIR, mirroring the articles'
                             paths under the common folder of the PATHs
                             (d1/a.txt and d2/a.txt stay apart)
  --reference-date YYYY-MM-DD
                             the articles' publication date: relative dates
                             ("yesterday", "last week") resolve against it
  --json                     print the sidecars to stdout (a JSON array of
                             {"path", "sidecar"}) instead of writing files
  --max-size SIZE            skip larger articles (default 10M; e.g. 500K, 20M)
  --jobs N                   annotate up to N articles at a time: this thread
                             and up to N-1 worker threads, one per 256K of
                             text (default N: the number of cores); the output
                             is the same for any N
  -h, --help                 show this help

Exit codes: 0 all articles annotated, 1 some failed (reported on stderr),
2 bad usage.
`;

const OPTIONS = {
  'out-dir': { value: true },
  'reference-date': { value: true },
  json: { value: false },
  'max-size': { value: true },
  jobs: { value: true },
  help: { value: false, short: 'h' },
};

export interface Settings {
  outDir?: string;
  referenceDate?: string;
  json: boolean;
  maxBytes: number;
  jobs: number;
}

function settingsFrom(args: readonly string[], io: CliIO): { settings: Settings; paths: string[] } | 'help' {
  const { options, positionals } = parseArgs(args, OPTIONS);
  if (options.has('help')) return 'help';
  const referenceDate = options.get('reference-date') as string | undefined;
  if (referenceDate !== undefined && !isIsoDay(referenceDate)) {
    throw new UsageError(`--reference-date "${referenceDate}" is not a date written YYYY-MM-DD (e.g. 2015-11-24)`);
  }
  const size = options.get('max-size') as string | undefined;
  const maxBytes = size === undefined ? DEFAULT_MAX_ARTICLE_BYTES : parseSize(size);
  if (maxBytes === undefined) throw new UsageError(`--max-size "${size}" is not a size (e.g. 10485760, 500K, 20M)`);
  if (positionals.length === 0) throw new UsageError('no PATH given: name the articles or folders to annotate');
  const outDir = options.get('out-dir') as string | undefined;
  if (outDir === '') throw new UsageError('--out-dir needs a folder');
  return {
    settings: {
      outDir: outDir === undefined ? undefined : path.resolve(io.cwd, outDir),
      referenceDate,
      json: options.has('json'),
      maxBytes,
      jobs: parseJobs(options.get('jobs') as string | undefined),
    },
    paths: positionals,
  };
}

export interface Outcome {
  row: SummaryRow;
  ok: boolean;
  /** Only with --json (printed at the end); otherwise the row's tally is all a run keeps of an article. */
  sidecar?: Sidecar;
  sidecarPath?: string;
}

export async function annotateOne(article: ArticleFile, settings: Settings, storage: NodeSidecarStorage, io: CliIO): Promise<Outcome> {
  const fail = (reason: string): Outcome => {
    io.stderr(`news-annotator: ${article.display}: ${reason}\n`);
    return { row: { article: article.display, status: 'error' }, ok: false };
  };
  let bytes: Uint8Array;
  try {
    // synchronous: microseconds each on a local disk, less than an awaited round trip through the thread pool
    const stat = fs.statSync(article.file);
    // checked before reading, so a huge file is never loaded into memory
    if (stat.size > settings.maxBytes) return fail(`too large (${formatSize(stat.size)}; the limit is ${formatSize(settings.maxBytes)}, see --max-size)`);
    bytes = fs.readFileSync(article.file);
  } catch (e) {
    return fail(`cannot read: ${(e as Error).message}`);
  }
  const decoded = decodeArticle(bytes, settings.maxBytes);
  if (!decoded.ok) return fail(decoded.reason);

  const sidecarPath = sidecarPathOf(article, settings.outDir);
  const result = await annotateArticle({
    storage,
    sidecarPath,
    file: path.basename(article.file),
    text: decoded.text,
    analyze,
    options: { format: articleFormat(article.file), ...(settings.referenceDate ? { referenceDate: settings.referenceDate } : {}) },
    generator: GENERATOR,
    now: new Date().toISOString(),
    write: !settings.json,
  });
  const shown = path.relative(io.cwd, sidecarPath) || sidecarPath;
  let ok = true;
  let status = settings.json ? 'printed' : result.written ? 'written' : 'unchanged';
  for (const error of [result.loadError, result.saveError]) {
    if (!error) continue;
    ok = false;
    status = settings.json ? 'printed (sidecar unusable)' : 'not written';
    io.stderr(`news-annotator: ${article.display}: ${error.message.replace(sidecarPath, shown)}\n`);
  }
  for (const id of result.report.orphaned) {
    io.stderr(`news-annotator: ${article.display}: annotation ${id} no longer matches the text and is kept as an orphan in ${shown}\n`);
  }
  return {
    row: { article: article.display, tally: tallyOf(result.sidecar), status },
    ok,
    ...(settings.json ? { sidecar: result.sidecar } : {}),
    sidecarPath,
  };
}

/**
 * The folders whose entries a run changed: each written sidecar's, and under --out-dir the folders it may have
 * created on the way (up to the one holding the output folder).
 */
function writtenFolders(outcomes: readonly Outcome[], outDir: string | undefined): Set<string> {
  const folders = new Set<string>();
  for (const o of outcomes) {
    if (o.row.status !== 'written') continue;
    let folder = path.dirname(o.sidecarPath!);
    folders.add(folder);
    if (outDir === undefined) continue;
    while (folder.startsWith(outDir) && folder !== path.dirname(folder)) {
      folder = path.dirname(folder);
      folders.add(folder);
    }
  }
  return folders;
}

export async function runAnnotate(args: string[], io: CliIO): Promise<number> {
  const parsed = settingsFrom(args, io);
  if (parsed === 'help') {
    io.stdout(ANNOTATE_HELP);
    return EXIT_OK;
  }
  const { settings, paths } = parsed;
  const storage = new NodeSidecarStorage();
  const { articles, problems, skipped } = await collectArticles(paths, io.cwd);
  refuseSharedSidecars(articles, settings.outDir);
  for (const p of problems) io.stderr(`news-annotator: ${p.display}: ${p.reason}\n`);
  for (const p of skipped) io.stderr(`news-annotator: ${p}: skipped (a sidecar, not an article)\n`);
  if (articles.length === 0 && problems.length === 0) io.stderr('news-annotator: no .txt or .md articles found\n');

  const fromFolders = articles.filter(a => a.fromFolder).length;
  let done = 0;
  const outcomes = await annotateArticles(
    articles,
    settings,
    settings.jobs,
    io,
    (article, articleIO) => annotateOne(article, settings, storage, articleIO),
    article => {
      if (article.fromFolder) {
        done++;
        const line = `[${done}/${fromFolders}] ${article.display}`;
        io.stderr(io.stderrIsTTY ? `\r\x1b[K${line}` : `${line}\n`);
      }
    },
  );
  if (io.stderrIsTTY && fromFolders > 0) io.stderr('\r\x1b[K');
  // Each sidecar's bytes reached the disk before its rename put it in place (never torn); the renames themselves
  // are flushed here, once per folder for the whole run: when the command exits, every sidecar it reports written
  // survives a power cut.
  await syncFolders(writtenFolders(outcomes, settings.outDir));

  if (settings.json) {
    const out = outcomes
      .filter(o => o.sidecar)
      .map(o => ({ path: path.relative(io.cwd, o.sidecarPath!) || o.sidecarPath, sidecar: canonicalSidecar(o.sidecar!) }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else if (outcomes.length > 0) {
    io.stdout(formatSummary(outcomes.map(o => o.row)));
  }
  const failed = outcomes.filter(o => !o.ok).length + problems.length;
  if (failed > 0) io.stderr(`news-annotator: ${failed} of ${outcomes.length + problems.length} failed\n`);
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
