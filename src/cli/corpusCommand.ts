// `news-annotator corpus PATH...`: the articles as one corpus: each entity across articles (type, name, aliases,
// articles, mentions), the pairs of entities that appear together and the consistency problems, from up-to-date
// sidecars or an in-memory analysis, with the decisions file of the PATHs' common folder applied. Writes nothing.
import { DEFAULT_MAX_ARTICLE_BYTES, DecisionsError } from '../core';
import { parseArgs, parseSize } from './args';
import { loadCorpus, type LoadedCorpus } from './corpusLoad';
import { csvReport, jsonReport, textReport } from './corpusReport';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, type CliIO } from './io';

export const CORPUS_HELP = `Usage: news-annotator corpus [options] PATH...

Reads the articles as one corpus (each PATH a folder, read recursively for
.txt and .md files as annotate does, or an article file) and prints:
  - each person, place and organization once, with the articles it appears in
    and its mentions. Mentions of one thing join across articles ("Putin" joins
    "Vladimir Putin" when no other person has that surname);
  - the pairs of entities that appear together: shared articles and sentences;
  - the consistency problems, as news-annotator check lists them.
Each article comes from its sidecar when the sidecar is up to date, else it is
analyzed in memory (the output says how many). The decisions file
.news-annotator/entities.json (renames, merges, splits, external ids, notes,
corrections for every article) of the PATHs' nearest common folder is applied
(a file counts as the folder holding it): corpus data/ reads
data/.news-annotator/entities.json, corpus data/2015 data/2016 too. Nothing is
written.

Options:
  --format FORMAT            text (default), json or csv (one table; its
                             record column says entity, pair or problem)
  --json                     the same as --format json
  --max-size SIZE            skip larger articles (default 10M; e.g. 500K, 20M)
  -h, --help                 show this help

Exit codes: 0 all articles read (consistency problems do not change it: use
check), 1 some could not be (listed) or the decisions file is unusable, 2 bad
usage.
`;

const FORMATS = ['text', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { value: true },
  json: { value: false },
  'max-size': { value: true },
  help: { value: false, short: 'h' },
};

/** The options `corpus` and `check` share: the PATHs and --max-size. */
export function pathsAndSize(positionals: readonly string[], size: string | undefined, what: string): { paths: string[]; maxBytes: number } {
  const maxBytes = size === undefined ? DEFAULT_MAX_ARTICLE_BYTES : parseSize(size);
  if (maxBytes === undefined) throw new UsageError(`--max-size "${size}" is not a size (e.g. 10485760, 500K, 20M)`);
  if (positionals.length === 0) throw new UsageError(`no PATH given: name the articles or their folders ${what}`);
  return { paths: [...positionals], maxBytes };
}

/** Loads the corpus; an unusable decisions file is reported (exit 1) instead of being ignored. */
export async function loadOrReport(paths: readonly string[], io: CliIO, maxBytes: number): Promise<LoadedCorpus | undefined> {
  try {
    const loaded = await loadCorpus(paths, io, maxBytes);
    for (const w of loaded.warnings) io.stderr(`news-annotator: ${w}\n`);
    return loaded;
  } catch (e) {
    if (!(e instanceof DecisionsError)) throw e;
    io.stderr(`news-annotator: ${e.message}\n`);
    return undefined;
  }
}

export async function runCorpus(args: string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, OPTIONS);
  if (options.has('help')) {
    io.stdout(CORPUS_HELP);
    return EXIT_OK;
  }
  if (options.has('json') && options.has('format') && options.get('format') !== 'json') throw new UsageError('--json and --format disagree: give one of them');
  const format = (options.has('json') ? 'json' : (options.get('format') ?? 'text')) as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}": use one of ${FORMATS.join(', ')}`);
  const { paths, maxBytes } = pathsAndSize(positionals, options.get('max-size') as string | undefined, 'to list');
  const loaded = await loadOrReport(paths, io, maxBytes);
  if (!loaded) return EXIT_SOME_FAILED;
  const f = format as Format;
  io.stdout(f === 'json' ? jsonReport(loaded) : f === 'csv' ? csvReport(loaded) : textReport(loaded));
  const unindexed = loaded.corpus.unindexed();
  if (unindexed.length > 0 && f !== 'text') for (const u of unindexed) io.stderr(`news-annotator: ${u.path}: ${u.reason}\n`);
  return unindexed.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
