// Which files `annotate` works on: the files named, and in folders every .txt and .md file, recursively, skipping
// hidden entries (.git, .vscode, ...), sidecars, and symbolic links to folders (no cycles).
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { isSidecarPath } from '../core/sidecar/storage';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

export interface ArticleFile {
  /** Absolute path. */
  file: string;
  /** Name relative to the PATH argument it came from (its base name when the argument was the file itself). */
  relative: string;
  /** The argument as typed, for messages. */
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
      if (entry.isSymbolicLink() && !(await fsp.stat(full).then(s => s.isFile(), () => false))) continue;
      const relative = path.relative(root, full);
      out.push({ file: full, relative, display: path.join(shownRoot, relative), fromFolder: true });
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
      problems.push({ display: p, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (stat.isDirectory()) await walk(abs, abs, p, articles, problems);
    else if (isSidecarPath(abs)) skipped.push(p);
    else articles.push({ file: abs, relative: path.basename(abs), display: p, fromFolder: false });
  }
  // the same file named twice (a file and its folder) is annotated once
  const seen = new Set<string>();
  return { articles: articles.filter(a => !seen.has(a.file) && seen.add(a.file)), problems, skipped };
}
