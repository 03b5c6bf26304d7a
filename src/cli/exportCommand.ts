// `news-annotator export`: turns articles' sidecars into a format other tools read (core/export does the formats;
// this reads the files, picks where output goes and reports). One bad article never stops the others.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { BRAT_ANNOTATION_CONF, EXPORT_FORMATS, findExportFormat, type ExportFormat, type ExportInput } from '../core/export';
import { sha256Hex } from '../core/hash';
import { decodeArticle } from '../core/sidecar/article';
import { sidecarPathFor } from '../core/sidecar/storage';
import { SidecarError } from '../core/sidecar/types';
import { parseSidecar } from '../core/sidecar/validate';
import { parseArgs } from './args';
import { collectArticles, type ArticleFile } from './files';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, UsageError } from './io';

const formatList = EXPORT_FORMATS.map(f => `  ${f.id.padEnd(14)}${f.label} (${f.extension})`).join('\n');

export const EXPORT_HELP = `Usage: news-annotator export --format FORMAT [--out FILE|DIR] PATH...

Exports the annotations of articles (read from each <article>.annotations.json,
written by "news-annotator annotate" or the editor) for other tools. PATH is a
file or a folder (every .txt and .md file in it, recursively).

Formats:
${formatList}

Options:
  --format FORMAT   one of the formats above
  --out FILE|DIR    FILE: all articles in one file. DIR (an existing folder, or a
                    path ending in /): one file per article, named after it.
                    Without --out the export goes to stdout. brat writes an .ann
                    and a .txt copy per article, and annotation.conf, into DIR
                    (or FILE.ann and FILE.txt for one article).
  --base URI        W3C only: the articles' target IRIs are URI + their path
                    under PATH (default: relative to where the export is written)
  -h, --help        show this help

Exit codes: 0 all exported, 1 some articles could not be (reported on stderr),
2 bad usage.
`;

const OPTIONS = {
  format: { value: true },
  out: { value: true },
  base: { value: true },
  help: { value: false, short: 'h' },
};

export interface ExportIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder relative paths are resolved against (default: the process's). */
  cwd?: string;
}

interface Loaded {
  article: ArticleFile;
  input: ExportInput;
}

/** A relative IRI from `fromDir` to `file`, each segment percent-encoded. */
function relativeIri(fromDir: string, file: string): string {
  return path.relative(fromDir, file).split(path.sep).map(encodeURIComponent).join('/');
}

async function load(article: ArticleFile, io: ExportIO): Promise<ExportInput | null> {
  const fail = (reason: string) => { io.stderr(`${article.display}: ${reason}\n`); return null; };
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(article.file);
  } catch (e) {
    return fail(`cannot read: ${(e as Error).message}`);
  }
  const decoded = decodeArticle(bytes, Number.MAX_SAFE_INTEGER);
  if (!decoded.ok) return fail(decoded.reason);
  const sidecarPath = sidecarPathFor(article.file);
  let raw: string;
  try {
    raw = await fsp.readFile(sidecarPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return fail(`no annotations yet (${path.basename(sidecarPath)} not found): run "news-annotator annotate ${article.display}" first`);
    }
    return fail(`cannot read ${path.basename(sidecarPath)}: ${(e as Error).message}`);
  }
  try {
    const sidecar = parseSidecar(raw, path.basename(sidecarPath));
    if (sidecar.document.sha256 !== sha256Hex(decoded.text)) {
      io.stderr(`${article.display}: warning: the article changed since it was annotated; annotations whose text moved are left out. Run "news-annotator annotate ${article.display}" to re-anchor them.\n`);
    }
    return { fileName: path.basename(article.file), text: decoded.text, sidecar };
  } catch (e) {
    if (e instanceof SidecarError) return fail(e.message);
    throw e;
  }
}

/** Per-article output names under DIR: the article's path under its PATH, with the format's extension. */
function namesFor(loaded: readonly Loaded[], format: ExportFormat): string[] {
  const swapped = loaded.map(l => l.article.relative.slice(0, l.article.relative.length - path.extname(l.article.relative).length) + format.extension);
  // a.txt and a.md would both give a.ext: those keep their own extension too
  return swapped.map((name, i) => (swapped.indexOf(name) !== swapped.lastIndexOf(name) ? loaded[i].article.relative + format.extension : name));
}

async function writeFile(file: string, content: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, content, 'utf8');
}

/** A .txt that an earlier brat export wrote: a .ann of the same name beside it, and no sidecar of its own. */
async function isBratCopy(file: string): Promise<boolean> {
  if (path.extname(file).toLowerCase() !== '.txt') return false;
  const exists = (p: string) => fsp.access(p).then(() => true, () => false);
  return (await exists(file.slice(0, -4) + '.ann')) && !(await exists(sidecarPathFor(file)));
}

async function isDirectory(p: string): Promise<boolean> {
  return fsp.stat(p).then(s => s.isDirectory(), () => false);
}

export async function runExport(args: string[], io: ExportIO): Promise<number> {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`news-annotator export: ${e.message}\nRun "news-annotator export --help" for usage.\n`);
      return EXIT_USAGE;
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
    if (!URL.canParse(base)) throw new UsageError(`--base "${base}" is not an absolute URI (e.g. https://news.example/articles/)`);
  }
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
    if (!failed) io.stderr(`no .txt or .md articles in ${positionals.join(', ')}\n`);
    return EXIT_SOME_FAILED;
  }
  if (!format.multiDocument && !toDir && collected.articles.length > 1) {
    throw new UsageError(`${format.label} holds one article per file and ${collected.articles.length} articles were given: use --out DIR`);
  }

  const articles: ArticleFile[] = [];
  let bratCopies = 0;
  for (const article of collected.articles) {
    if (article.fromFolder && (await isBratCopy(article.file))) bratCopies++; else articles.push(article);
  }
  if (bratCopies > 0) io.stderr(`skipped ${bratCopies} brat .txt cop${bratCopies === 1 ? 'y' : 'ies'} (an .ann beside, no sidecar): earlier exports, not articles\n`);
  if (articles.length === 0) return failed ? EXIT_SOME_FAILED : EXIT_OK;

  const loaded: Loaded[] = [];
  for (const article of articles) {
    const input = await load(article, io);
    if (input) loaded.push({ article, input }); else failed = true;
  }
  if (loaded.length === 0) return EXIT_SOME_FAILED;

  const uriFor = (l: Loaded, exportDir: string) =>
    base !== undefined ? new URL(l.article.relative.split(path.sep).map(encodeURIComponent).join('/'), base).href : relativeIri(exportDir, l.article.file);
  const report = (warnings: string[]) => { for (const w of warnings) io.stderr(`warning: ${w}\n`); };
  const total = loaded.reduce((n, l) => n + l.input.sidecar.annotations.length, 0);

  if (out === undefined || !toDir) {
    const exportDir = out === undefined ? cwd : path.dirname(out);
    const inputs = loaded.map(l => ({ ...l.input, uri: uriFor(l, exportDir) }));
    const result = format.export(inputs);
    report(result.warnings);
    if (out === undefined) {
      io.stdout(result.content);
      return failed ? EXIT_SOME_FAILED : EXIT_OK;
    }
    await writeFile(out, result.content);
    for (const c of result.companions) {
      const companion = out.slice(0, out.length - path.extname(out).length) + c.extension;
      // exporting beside the article: the brat .txt copy would be the article itself
      if (companion !== loaded[0].article.file) await writeFile(companion, c.content);
    }
    if (format.id === 'brat') await writeBratConf(path.dirname(out));
    io.stderr(`Exported ${loaded.length} article${loaded.length === 1 ? '' : 's'} (${total} annotations) as ${format.label} to ${path.relative(cwd, out) || out}\n`);
    return failed ? EXIT_SOME_FAILED : EXIT_OK;
  }

  const names = namesFor(loaded, format);
  for (let i = 0; i < loaded.length; i++) {
    const file = path.join(out, names[i]);
    const result = format.export([{ ...loaded[i].input, uri: uriFor(loaded[i], path.dirname(file)) }]);
    report(result.warnings);
    await writeFile(file, result.content);
    for (const c of result.companions) {
      const companion = file.slice(0, file.length - format.extension.length) + c.extension;
      if (companion !== loaded[i].article.file) await writeFile(companion, c.content);
    }
  }
  if (format.id === 'brat') await writeBratConf(out);
  io.stderr(`Exported ${loaded.length} article${loaded.length === 1 ? '' : 's'} (${total} annotations) as ${format.label} into ${path.relative(cwd, out) || out}\n`);
  return failed ? EXIT_SOME_FAILED : EXIT_OK;
}

/** brat needs the collection's annotation.conf to know the labels; a user's own one is left alone. */
async function writeBratConf(dir: string): Promise<void> {
  const file = path.join(dir, 'annotation.conf');
  await fsp.writeFile(file, BRAT_ANNOTATION_CONF, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
}
