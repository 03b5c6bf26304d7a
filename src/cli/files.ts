// Which files `annotate` and `export` work on: the files named, and in folders every .txt and .md file,
// recursively, skipping hidden entries (.git, .vscode, ...), sidecars, symbolic links to folders (no cycles) and
// anything that is not a regular file (a FIFO would block the read forever). Also where outputs under an output
// folder go: the input tree mirrored, so two articles never share one output.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { ARTICLE_EXTENSIONS, isSidecarPath, sidecarPathFor } from '../core';
import { describeStats } from '../node/safeFs';
import { UsageError } from './io';
import { safeText } from './safeText';

export { ARTICLE_EXTENSIONS };

export interface ArticleFile {
  /** Absolute path. */
  file: string;
  /** Name relative to the PATH argument it came from (its base name when the argument was the file itself). */
  relative: string;
  /**
   * Name relative to the common folder of all PATH arguments (a file argument counts as its folder): where its
   * outputs go under --out-dir / --out DIR, so `d1/a.txt` and `d2/a.txt` stay apart.
   */
  mirrored: string;
  /** The argument as typed (control characters escaped), for messages. */
  display: string;
  /** Came from scanning a folder (so progress is shown). */
  fromFolder: boolean;
}

export interface Collected {
  articles: ArticleFile[];
  /** PATH arguments that could not be used, with the reason. */
  problems: { display: string; reason: string }[];
  /** Sidecar files named explicitly (e.g. by a shell glob): not articles. */
  skipped: string[];
}

const isArticleName = (name: string) => ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase()) && !isSidecarPath(name);

async function walk(root: string, dir: string, shownRoot: string, out: ArticleFile[], problems: Collected['problems']): Promise<void> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ display: path.join(shownRoot, path.relative(root, dir)), reason: `cannot read folder: ${(e as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, shownRoot, out, problems);
    else if ((entry.isFile() || entry.isSymbolicLink()) && isArticleName(entry.name)) {
      if (
        entry.isSymbolicLink() &&
        !(await fsp.stat(full).then(
          s => s.isFile(),
          () => false,
        ))
      )
        continue;
      const relative = path.relative(root, full);
      out.push({ file: full, relative, mirrored: relative, display: safeText(path.join(shownRoot, relative)), fromFolder: true });
    }
  }
}

export async function collectArticles(paths: readonly string[], cwd: string): Promise<Collected> {
  const articles: ArticleFile[] = [];
  const problems: Collected['problems'] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat;
    try {
      stat = await fsp.stat(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ display: safeText(p), reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (stat.isDirectory()) await walk(abs, abs, p, articles, problems);
    else if (isSidecarPath(abs)) skipped.push(safeText(p));
    else if (!stat.isFile()) problems.push({ display: safeText(p), reason: `${describeStats(stat)}, not a regular file: only regular files are read` });
    else articles.push({ file: abs, relative: path.basename(abs), mirrored: path.basename(abs), display: safeText(p), fromFolder: false });
  }
  // the same file named twice (a file and its folder) is annotated once
  const seen = new Set<string>();
  const unique = articles.filter(a => !seen.has(a.file) && seen.add(a.file));
  const common = commonFolder(unique.map(a => a.file.slice(0, a.file.length - a.relative.length)));
  for (const a of unique) a.mirrored = path.relative(common, a.file);
  return { articles: unique, problems, skipped };
}

/** The deepest folder that holds all of `folders` (each an absolute path, possibly ending in a separator). */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return '';
  const split = (f: string) => path.resolve(f).split(path.sep);
  let common = split(folders[0]);
  for (const f of folders.slice(1)) {
    const parts = split(f);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.sep;
}

/** Where an article's sidecar goes: beside it, or under `outDir` mirroring the input tree. */
export function sidecarPathOf(article: ArticleFile, outDir: string | undefined): string {
  return outDir === undefined ? sidecarPathFor(article.file) : sidecarPathFor(path.join(outDir, article.mirrored));
}

/**
 * Refuses (exit 2, before anything is written) when two articles would share one sidecar under `outDir`, which would
 * merge their annotations. Mirrored paths differ, but names equal but for case are one file on macOS and Windows.
 */
export function refuseSharedSidecars(articles: readonly ArticleFile[], outDir: string | undefined): void {
  if (outDir === undefined) return; // beside each article: one sidecar per article file
  const seen = new Map<string, ArticleFile>();
  for (const a of articles) {
    const key = sidecarPathOf(a, outDir).toLowerCase();
    const other = seen.get(key);
    if (other)
      throw new UsageError(
        `${other.display} and ${a.display} would share one sidecar (${safeText(sidecarPathOf(a, outDir))}): annotate them in separate runs or with different --out-dir folders`,
      );
    seen.set(key, a);
  }
}
