// Which workspace files the corpus reads as articles, as globs for workspace.findFiles and a file watcher. An open
// document is an article by its language id (Articles.isArticle); a file nobody opened has no language id yet, so
// the article languages are mapped to the file extensions VS Code gives them by default, and the file patterns of
// `newsAnnotator.articleFilePatterns` are added as they are. Plain data, no `vscode`, so Node tests it.

/** The default extensions of the languages an article is usually written in (VS Code's own associations). */
const LANGUAGE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  plaintext: ['txt', 'text'],
  markdown: ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdwn'],
  html: ['html', 'htm'],
  latex: ['tex'],
  restructuredtext: ['rst'],
  asciidoc: ['adoc', 'asciidoc'],
};

/** Never articles, wherever they are: sidecars, their backups, dependencies, and hidden folders (as the CLI skips them). */
export const NOT_ARTICLES = '{**/*.annotations.json,**/*.annotations.json.bak*,**/node_modules/**,**/.*/**}';

export interface ArticleGlobs {
  /** One glob for all of them (`{a,b}`), or undefined when no language or pattern can name a file. */
  include: string | undefined;
  /** The languages that could not be mapped to extensions (their files are found only when opened). */
  unmapped: string[];
}

export function articleGlobs(languages: readonly string[], patterns: readonly string[]): ArticleGlobs {
  const extensions = new Set<string>();
  const unmapped: string[] = [];
  for (const language of languages) {
    const known = LANGUAGE_EXTENSIONS[language];
    if (known) for (const e of known) extensions.add(e);
    else unmapped.push(language);
  }
  const globs = [...(extensions.size ? [`**/*.{${[...extensions].join(',')}}`] : []), ...patterns.filter(p => p.trim() !== '')];
  if (globs.length === 0) return { include: undefined, unmapped };
  return { include: globs.length === 1 ? globs[0] : `{${globs.join(',')}}`, unmapped };
}

/** Whether a workspace-relative path ('/'-separated) is excluded whatever the globs say (see NOT_ARTICLES). */
export function isExcludedPath(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.slice(0, -1).some(p => p.startsWith('.') || p === 'node_modules')) return true;
  return /\.annotations\.json(\.bak(\.\d+)?)?$/.test(relative);
}
