// `news-annotator export`: turns articles' sidecars into a format other tools read (core/export does the formats and
// plans which files to write; this reads the files, checks the plan against the disk, writes it and reports). One
// bad article never stops the others; a plan that would write over an article, a sidecar or (without --force) any
// existing file is refused as a whole, before anything is written.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  EXPORT_FORMATS,
  checkPlan,
  defaultSuffix,
  findExportFormat,
  isBratCopy,
  onlyReviewed,
  planExport,
  type ExportInput,
  type ExportTarget,
  type PlanArticle,
  type PlannedFile,
} from '../core';
import { decodeArticle, parseSidecar, sha256Hex, SidecarError, sidecarPathFor } from '../core';
import { kindOf, makeFolders, readRegularFile, replaceFile, writeNewFile } from '../node/safeFs';
import { NodeSidecarStorage } from '../node/storage';
import { parseArgs } from './args';
import { collectArticles, type ArticleFile } from './files';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, isFileError, UsageError } from './io';
import { safeText } from './safeText';

const formatList = EXPORT_FORMATS.map(f => `  ${f.id.padEnd(14)}${f.label} (${defaultSuffix(f)})`).join('\n');

export const EXPORT_HELP = `Usage: news-annotator export --format FORMAT [--out FILE|DIR] [--force] [--reviewed-only] PATH...

Exports the annotations of articles (read from each <article>.annotations.json,
written by "news-annotator annotate" or the editor) for other tools. PATH is a
file or a folder (every .txt and .md file in it, recursively).

Formats:
${formatList}

Options:
  --format FORMAT   one of the formats above
  --out FILE|DIR    FILE: all articles in one file. DIR (an existing folder, or a
                    path ending in /): one file per article, named after its
                    path under the common folder of the PATHs.
                    Without --out the export goes to stdout. brat writes an .ann
                    and a .txt copy per article, and annotation.conf, into DIR
                    (or FILE.ann and FILE.txt for one article).
  --force           replace files an earlier export wrote (an export never
                    writes over an article or a sidecar, even with --force)
  --reviewed-only   only the annotations you reviewed: the automatic ones you
                    accepted and your own (added or corrected)
  --base URI        W3C only: the articles' target IRIs are URI + their path
                    under PATH (default: relative to where the export is written)
  -h, --help        show this help

Exit codes: 0 all exported, 1 some articles could not be (reported on stderr)
or writing failed, 2 bad usage or a refused output (nothing written).
`;

const OPTIONS = {
  format: { value: true },
  out: { value: true },
  base: { value: true },
  force: { value: false },
  'reviewed-only': { value: false },
  help: { value: false, short: 'h' },
};

export interface ExportIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder relative paths are resolved against (default: the process's). */
  cwd?: string;
}

/** A relative IRI from `fromDir` to `file`, each segment percent-encoded. */
function relativeIri(fromDir: string, file: string): string {
  return path.relative(fromDir, file).split(path.sep).map(encodeURIComponent).join('/');
}

const storage = new NodeSidecarStorage();

async function load(article: ArticleFile, io: ExportIO): Promise<ExportInput | null> {
  const fail = (reason: string) => {
    io.stderr(`${article.display}: ${reason}\n`);
    return null;
  };
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(article.file);
  } catch (e) {
    return fail(`cannot read: ${(e as Error).message}`);
  }
  const decoded = decodeArticle(bytes, Number.MAX_SAFE_INTEGER);
  if (!decoded.ok) return fail(decoded.reason);
  const sidecarPath = sidecarPathFor(article.file);
  const sidecarName = safeText(path.basename(sidecarPath));
  let raw: string | undefined;
  try {
    // only a regular file, never a link out of the article's folder, and UTF-8 or refused
    raw = await storage.readText(sidecarPath);
  } catch (e) {
    return fail(`cannot read ${sidecarName}: ${(e as Error).message}`);
  }
  if (raw === undefined) return fail(`no annotations yet (${sidecarName} not found): run "news-annotator annotate ${article.display}" first`);
  try {
    const sidecar = parseSidecar(raw, path.basename(sidecarPath));
    if (sidecar.document.sha256 !== sha256Hex(decoded.text)) {
      io.stderr(
        `${article.display}: warning: the article changed since it was annotated; annotations whose text moved are left out. Run "news-annotator annotate ${article.display}" to re-anchor them.\n`,
      );
    }
    return { fileName: path.basename(article.file), text: decoded.text, sidecar };
  } catch (e) {
    if (e instanceof SidecarError) return fail(e.message);
    throw e;
  }
}

/** Host paths for the core's plan: '/'-separated relative names joined in the platform's spelling. */
const nodePaths = {
  join: (folder: string, relative: string) => path.join(folder, ...relative.split('/')),
  dirname: (file: string) => path.dirname(file),
};

const probe = { kind: kindOf };

async function isDirectory(p: string): Promise<boolean> {
  return fsp.stat(p).then(
    s => s.isDirectory(),
    () => false,
  );
}

/** Writes a checked plan: new files exclusively, replaced ones by rename. Returns the failure, if any. */
async function writePlan(files: readonly PlannedFile[], replace: ReadonlySet<PlannedFile>): Promise<{ file: string; reason: string } | undefined> {
  for (const f of files) {
    try {
      await makeFolders(path.dirname(f.path));
      if (replace.has(f)) await replaceFile(f.path, f.content);
      else await writeNewFile(f.path, f.content);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { file: f.path, reason: code === 'EEXIST' ? 'it appeared while the export ran; not replaced' : (e as Error).message };
    }
  }
  return undefined;
}

export async function runExport(args: string[], io: ExportIO): Promise<number> {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`news-annotator export: ${e.message}\nRun "news-annotator export --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (isFileError(e)) {
      io.stderr(`news-annotator export: ${e.message}\n`);
      return EXIT_SOME_FAILED;
    }
    throw e;
  }
}

async function run(args: string[], io: ExportIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { options, positionals } = parseArgs(args, OPTIONS);
  if (options.has('help')) {
    io.stdout(EXPORT_HELP);
    return EXIT_OK;
  }
  const formatId = options.get('format') as string | undefined;
  if (formatId === undefined) throw new UsageError(`--format is required: one of ${EXPORT_FORMATS.map(f => f.id).join(', ')}`);
  const format = findExportFormat(formatId);
  if (!format) throw new UsageError(`unknown format "${formatId}": use one of ${EXPORT_FORMATS.map(f => f.id).join(', ')}`);
  if (positionals.length === 0) throw new UsageError('no PATH given: name the articles or folders to export');
  const base = options.get('base') as string | undefined;
  if (base !== undefined) {
    if (format.id !== 'w3c') throw new UsageError('--base only applies to --format w3c');
    if (!canBeBase(base))
      throw new UsageError(
        `--base "${safeText(base)}" is not an absolute URI that paths can be appended to (e.g. https://news.example/articles/; urn: and other opaque URIs cannot be)`,
      );
  }
  const force = options.has('force');
  const outArg = options.get('out') as string | undefined;
  if (outArg === '') throw new UsageError('--out needs a file or folder');
  const out = outArg === undefined ? undefined : path.resolve(cwd, outArg);
  // brat's output is a folder of .ann/.txt pairs unless a single .ann file is named
  const toDir = out !== undefined && (/[\\/]$/.test(outArg!) || (await isDirectory(out)) || (!format.multiDocument && path.extname(out) !== format.extension));

  const collected = await collectArticles(positionals, cwd);
  let failed = collected.problems.length > 0;
  for (const p of collected.problems) io.stderr(`${p.display}: ${p.reason}\n`);
  for (const s of collected.skipped) io.stderr(`${s}: a sidecar, not an article: skipped (name the article instead)\n`);
  if (collected.articles.length === 0) {
    if (!failed) io.stderr(`no .txt or .md articles in ${positionals.map(safeText).join(', ')}\n`);
    return EXIT_SOME_FAILED;
  }
  if (!format.multiDocument && !toDir && collected.articles.length > 1) {
    throw new UsageError(`${format.label} holds one article per file and ${collected.articles.length} articles were given: use --out DIR`);
  }

  const articles: ArticleFile[] = [];
  let bratCopies = 0;
  for (const article of collected.articles) {
    if (article.fromFolder && (await isBratCopy(article.file, probe))) bratCopies++;
    else articles.push(article);
  }
  if (bratCopies > 0)
    io.stderr(`skipped ${bratCopies} brat .txt cop${bratCopies === 1 ? 'y' : 'ies'} (an .ann beside, no sidecar): earlier exports, not articles\n`);
  if (articles.length === 0) return failed ? EXIT_SOME_FAILED : EXIT_OK;

  const loaded: PlanArticle[] = [];
  for (const article of articles) {
    const input = await load(article, io);
    if (input) loaded.push({ input, source: article.file, relative: article.mirrored.split(path.sep).join('/') });
    else failed = true;
  }
  if (loaded.length === 0) return EXIT_SOME_FAILED;
  // several articles in one file are named by their path under the PATHs' common folder (as the editor names them
  // by their workspace path), so that d1/a.txt and d2/a.txt stay apart; a file of its own keeps its base name
  if (loaded.length > 1 && !toDir) for (const a of loaded) a.input = { ...a.input, fileName: a.relative };
  const relativeOf = new Map(articles.map(a => [a.file, a.relative]));

  const uriFor = (a: PlanArticle, outputFile: string) =>
    base !== undefined
      ? new URL(relativeOf.get(a.source)!.split(path.sep).map(encodeURIComponent).join('/'), base).href
      : relativeIri(path.dirname(outputFile), a.source);
  const report = (warnings: string[]) => {
    for (const w of warnings) io.stderr(`warning: ${w}\n`);
  };
  const reviewedOnly = options.has('reviewed-only');
  const exportedInput = (a: PlanArticle) => (reviewedOnly ? onlyReviewed(a.input) : a.input);
  const total = loaded.reduce((n, l) => n + exportedInput(l).sidecar.annotations.length, 0);
  const exported = `${loaded.length} article${loaded.length === 1 ? '' : 's'} (${total} annotations) as ${format.label}`;

  if (out === undefined) {
    const result = format.export(loaded.map(a => ({ ...exportedInput(a), uri: uriFor(a, path.join(cwd, '-')) })));
    report(result.warnings);
    io.stdout(result.content);
    return failed ? EXIT_SOME_FAILED : EXIT_OK;
  }

  const target: ExportTarget = toDir ? { kind: 'folder', folder: out } : { kind: 'file', file: out };
  const plan = planExport(format, loaded, target, nodePaths, uriFor, { reviewedOnly });
  const checked = await checkPlan(
    plan.files,
    loaded.map(a => a.source),
    probe,
  );
  const shown = (file: string) => safeText(path.relative(cwd, file) || file);
  const refusals = [
    ...checked.refused,
    ...(force ? [] : checked.replace.map(f => ({ path: f.path, reason: 'it already exists (use --force to replace it)' }))),
  ];
  if (refusals.length > 0) {
    for (const r of refusals) io.stderr(`news-annotator export: ${shown(r.path)}: not written: ${r.reason}\n`);
    io.stderr('news-annotator export: nothing was written\n');
    return EXIT_USAGE;
  }
  report(plan.warnings);
  const problem = await writePlan(checked.write, new Set(checked.replace));
  if (problem) {
    io.stderr(`news-annotator export: cannot write ${shown(problem.file)}: ${problem.reason}\n`);
    return EXIT_SOME_FAILED;
  }
  io.stderr(`Exported ${exported} ${toDir ? 'into' : 'to'} ${shown(out)}\n`);
  return failed ? EXIT_SOME_FAILED : EXIT_OK;
}

/** Whether relative paths can be resolved against `base` (hierarchical: https:, file:; not urn:, mailto:). */
function canBeBase(base: string): boolean {
  try {
    return new URL('a', base).href !== undefined;
  } catch {
    return false;
  }
}
