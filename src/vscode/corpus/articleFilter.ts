// Which files of a workspace folder are articles, decided file by file as the Node host lists the folder on its own
// disk (src/node/listFolder.ts) instead of asking workspace.findFiles. It gives what findFiles(glob, NOT_ARTICLES)
// gives for each of the article globs, as code-server 1.139 answers it (the integration test "the Node host lists the
// articles findFiles finds" checks the two against each other):
// - globs match the path in the workspace folder, '/'-separated, case-sensitively; `*` matches a leading dot;
// - `files.exclude` applies (not `search.exclude`, not .gitignore): `true` leaves out a matching file, or a matching
//   folder with all it holds; `{ "when": "$(basename).md" }` only when that sibling is found too; `false` does nothing;
// - hidden folders, node_modules and sidecars are never articles (isExcludedPath, as NOT_ARTICLES says).
// Plain data, no `vscode`, so Node tests it.
import picomatch from 'picomatch/posix';
import { isExcludedPath } from './articleGlobs';

/** The `files.exclude` setting as configured: a glob -> true, false or a sibling clause. */
export type FilesExclude = Readonly<Record<string, unknown>>;

/** What decides which files of a workspace folder are articles: the article globs and the folder's search settings. */
export interface ListingRules {
  globs: readonly string[];
  filesExclude: FilesExclude | undefined;
  /** search.followSymlinks */
  followSymlinks: boolean;
}

/** What a folder listing asks about each entry: a path in the workspace folder and the names beside it. */
export interface FolderFilter {
  /** Whether a folder is left out with everything it holds. */
  skipFolder(relative: string): boolean;
  /** Whether a file is an article. */
  takeFile(relative: string, siblings: ReadonlySet<string>): boolean;
}

type Matcher = (path: string) => boolean;
const nothing: Matcher = () => false;

/**
 * One matcher for several globs; a glob picomatch cannot read matches nothing (the search refuses it too). Each glob's
 * regular expression is tested directly, which is what picomatch's own matcher does (the path equal to the glob, or
 * the expression matching it), without the two objects it makes per call: a listing tests every file of the folder.
 */
function matcher(globs: readonly string[]): Matcher {
  const tests = globs.flatMap(glob => {
    try {
      return [{ glob, re: picomatch.makeRe(glob, { dot: true }) }];
    } catch {
      return [];
    }
  });
  if (tests.length === 0) return nothing;
  return path => {
    for (const { glob, re } of tests) if (path === glob || re.test(path)) return true;
    return false;
  };
}

const nameOf = (relative: string) => relative.slice(relative.lastIndexOf('/') + 1);

/** VS Code's `$(basename)`: the name without its last extension ("a.draft.txt" -> "a.draft"). */
function basenameOf(relative: string): string {
  const name = nameOf(relative);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function articleFilter(globs: readonly string[], filesExclude: FilesExclude | undefined): FolderFilter {
  const includes = globs.map(g => matcher([g]));
  const always: string[] = [];
  const clauses: { match: Matcher; when: string }[] = [];
  for (const [glob, value] of Object.entries(filesExclude ?? {})) {
    if (value === true) always.push(glob);
    else if (value && typeof value === 'object' && typeof (value as { when?: unknown }).when === 'string')
      clauses.push({ match: matcher([glob]), when: (value as { when: string }).when });
  }
  const excludedAlways = always.length ? matcher(always) : nothing;
  const listed = (relative: string) => !isExcludedPath(relative) && !excludedAlways(relative);
  if (clauses.length === 0) {
    const include = matcher(globs);
    return {
      skipFolder: relative => isHiddenOrDependencies(relative) || excludedAlways(relative),
      takeFile: relative => include(relative) && listed(relative),
    };
  }
  // The search tests a `when` clause against the files it found in the folder for the same glob (findFiles is asked
  // once a glob), not against the folder's whole listing; and with any clause in force it lists no file whose name
  // starts with a dot. Both as code-server 1.139 answers (the integration test checks them). A clause on a folder is
  // not applied here: such a folder's files are listed, where the search would leave them out.
  const found = new WeakMap<ReadonlySet<string>, Map<number, Set<string>>>();
  const foundBeside = (which: number, relative: string, siblings: ReadonlySet<string>): Set<string> => {
    let byGlob = found.get(siblings);
    if (!byGlob) found.set(siblings, (byGlob = new Map()));
    let names = byGlob.get(which);
    if (!names) {
      const folder = relative.slice(0, relative.lastIndexOf('/') + 1);
      names = new Set([...siblings].filter(n => !n.startsWith('.') && includes[which](folder + n) && listed(folder + n)));
      byGlob.set(which, names);
    }
    return names;
  };
  // VS Code replaces the first `$(basename)` only
  const excludedBeside = (relative: string, names: ReadonlySet<string>) =>
    clauses.some(c => c.match(relative) && names.has(c.when.replace('$(basename)', basenameOf(relative))));
  return {
    skipFolder: relative => isHiddenOrDependencies(relative) || excludedAlways(relative),
    takeFile: (relative, siblings) =>
      !nameOf(relative).startsWith('.') &&
      listed(relative) &&
      includes.some((include, which) => include(relative) && !excludedBeside(relative, foundBeside(which, relative, siblings))),
  };
}

/**
 * Whether `files.exclude` leaves a file out, by its own path or a folder's it is in: for a file met outside a listing (a
 * file event, a save), so the index holds what a listing gives. Its `when` clauses are not applied (no listing of
 * the file's folder at hand), so a file they alone leave out is indexed when it changes.
 */
export function filesExcludeTest(filesExclude: FilesExclude | undefined): (relative: string) => boolean {
  const always = Object.entries(filesExclude ?? {}).flatMap(([glob, value]) => (value === true ? [glob] : []));
  if (always.length === 0) return nothing;
  const excluded = matcher(always);
  return relative => {
    const parts = relative.split('/');
    for (let i = 1; i <= parts.length; i++) if (excluded(parts.slice(0, i).join('/'))) return true;
    return false;
  };
}

/** Folders never walked into: hidden ones and node_modules (NOT_ARTICLES). */
function isHiddenOrDependencies(relative: string): boolean {
  const name = nameOf(relative);
  return name.startsWith('.') || name === 'node_modules';
}
