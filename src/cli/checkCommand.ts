// `news-annotator check PATH...`: the corpus consistency findings, one `path:line:column: message [code]` line each
// (the shape compilers print, so editors and CI annotate them), and an exit code a CI job can gate on.
import { parseArgs } from './args';
import { loadOrReport, pathsAndSize } from './corpusCommand';
import { findingLine, locatedFindings } from './corpusReport';
import { EXIT_OK, EXIT_SOME_FAILED, type CliIO } from './io';
import { safeOutput } from './safeText';

export const CHECK_HELP = `Usage: news-annotator check [options] PATH...

Checks the articles for consistency as one corpus (each PATH a folder, read
recursively for .txt and .md files as annotate does, or an article file), and
lists each problem as path:line:column: message [code]:
  type-in-article  the same name has two types in one article
  type-in-corpus   a name has another type here than in most articles, or than
                   the type the user gave it by hand
  unannotated      a name annotated by hand in another article occurs here
                   without an annotation
  shared-alias     two entities share a name: merge them if they are the same
Articles come from their sidecars when up to date, else from an in-memory
analysis. The decisions file .news-annotator/entities.json of the PATHs'
nearest common folder (a file counts as the folder holding it) is applied.
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

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, OPTIONS);
  if (options.has('help')) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  const { paths, maxBytes } = pathsAndSize(positionals, options.get('max-size') as string | undefined, 'to check');
  const loaded = await loadOrReport(paths, io, maxBytes);
  if (!loaded) return EXIT_SOME_FAILED;
  const { corpus } = loaded;
  const findings = locatedFindings(loaded);
  io.stdout(safeOutput(findings.map(f => `${findingLine(f)}\n`).join('')));
  const unindexed = corpus.unindexed();
  for (const u of unindexed) io.stderr(`news-annotator: ${u.path}: ${u.reason}\n`);
  const summary = `${findings.length === 0 ? 'no' : findings.length} consistency problem${findings.length === 1 ? '' : 's'} in ${corpus.size} article${corpus.size === 1 ? '' : 's'} (${loaded.analyzed} analyzed in memory)`;
  io.stderr(`news-annotator: ${summary}\n`);
  return findings.length > 0 || unindexed.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
