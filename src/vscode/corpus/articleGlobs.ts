// Which workspace files the corpus reads as articles, as globs for workspace.findFiles, file watchers and the Node
// host's own listing (articleFilter.ts). An open document is an article by its language id (Articles.isArticle); a
// file nobody opened has no language id yet, so the article languages are mapped to the file extensions VS Code gives
// them by default, and the file patterns of `newsAnnotator.articleFilePatterns` are added as they are. The globs stay
// apart, never joined into one `{a,b}`: the search behind findFiles (ripgrep) refuses nested braces and finds nothing,
// so joining `**/*.{txt,md}` with any pattern lost every article. Plain data, no `vscode`, so Node tests it.

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
  /** A file is an article when one of them matches its path in its workspace folder (none: no file can be named). */
  globs: string[];
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
  return { globs: [...new Set(globs)], unmapped };
}

/** Whether a workspace-relative path ('/'-separated) is excluded whatever the globs say (see NOT_ARTICLES). */
export function isExcludedPath(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.slice(0, -1).some(p => p.startsWith('.') || p === 'node_modules')) return true;
  return /\.annotations\.json(\.bak(\.\d+)?)?$/.test(relative);
}
