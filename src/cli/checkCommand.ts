// `news-annotator check FOLDER`: the corpus consistency findings, one `path:line:column: message [code]` line each
// (the shape compilers print, so editors and CI annotate them), and an exit code a CI job can gate on.
import * as path from 'node:path';
import { checkCorpus, type Finding } from '../core';
import { parseArgs } from './args';
import { folderAndSize, loadOrReport } from './corpusCommand';
import { EXIT_OK, EXIT_SOME_FAILED, type CliIO } from './io';
import { safeOutput } from './safeText';

export const CHECK_HELP = `Usage: news-annotator check [options] FOLDER

Checks a folder of articles for consistency as one corpus, and lists each
problem as path:line:column: message [code]:
  type-in-article  the same name has two types in one article
  type-in-corpus   a name has another type here than in most articles, or than
                   the type the user gave it by hand
  unannotated      a name annotated by hand in another article occurs here
                   without an annotation
  shared-alias     two entities share a name: merge them if they are the same
Articles come from their sidecars when up to date, else from an in-memory
analysis; the decisions in FOLDER/.news-annotator/entities.json are applied.
Nothing is written. Lines and columns count from 1 (columns in UTF-16 code
units, as VS Code counts them).

Options:
  --max-size SIZE            skip larger articles (default 10M; e.g. 500K, 20M)
  -h, --help                 show this help

Exit codes: 0 no problems, 1 problems found (or some articles could not be
read, or the decisions file is unusable), 2 bad usage.
`;

const OPTIONS = {
  'max-size': { value: true },
  help: { value: false, short: 'h' },
};

/** One-based line and column of `offset`, counting \r\n, \r and \n as line ends. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, OPTIONS);
  if (options.has('help')) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  const { folder, maxBytes } = folderAndSize(positionals, options.get('max-size') as string | undefined, 'to check');
  const loaded = await loadOrReport(folder, io, maxBytes);
  if (!loaded) return EXIT_SOME_FAILED;
  const { corpus } = loaded;
  const findings: Finding[] = checkCorpus(corpus);
  let out = '';
  for (const f of findings) {
    const article = corpus.article(f.path)!;
    const { line, column } = lineAndColumn(article.text, f.start);
    out += `${path.join(folder, f.path)}:${line}:${column}: ${f.message} [${f.code}]\n`;
  }
  io.stdout(safeOutput(out));
  const unindexed = corpus.unindexed();
  for (const u of unindexed) io.stderr(`news-annotator: ${u.path}: ${u.reason}\n`);
  const summary = `${findings.length === 0 ? 'no' : findings.length} consistency problem${findings.length === 1 ? '' : 's'} in ${corpus.size} article${corpus.size === 1 ? '' : 's'} (${loaded.analyzed} analyzed in memory)`;
  io.stderr(`news-annotator: ${summary}\n`);
  return findings.length > 0 || unindexed.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
