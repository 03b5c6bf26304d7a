// `news-annotator corpus FOLDER`: the folder's articles as one corpus: each entity across articles (type, name,
// aliases, articles, mentions), from up-to-date sidecars or an in-memory analysis, with the folder's decisions file
// (.news-annotator/entities.json) applied. Writes nothing.
import { appearsWith, csvField, DEFAULT_MAX_ARTICLE_BYTES, DecisionsError, type CorpusEntity } from '../core';
import { parseArgs, parseSize } from './args';
import { loadCorpus, type LoadedCorpus } from './corpusLoad';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, type CliIO } from './io';
import { safeOutput } from './safeText';

export const CORPUS_HELP = `Usage: news-annotator corpus [options] FOLDER

Lists the people, places and organizations of a folder of articles as one
corpus: each entity once, with the articles it appears in and its mentions.
Mentions of one thing join across articles ("Putin" joins "Vladimir Putin" when
no other person has that surname). Each article comes from its sidecar when the
sidecar is up to date, else it is analyzed in memory (the output says how many).
The decisions in FOLDER/.news-annotator/entities.json (renames, merges, splits,
external ids, notes, corrections for every article) are applied. Nothing is
written.

Options:
  --format FORMAT            text (default), json or csv (one row per entity
                             and article)
  --json                     the same as --format json
  --max-size SIZE            skip larger articles (default 10M; e.g. 500K, 20M)
  -h, --help                 show this help

Exit codes: 0 all articles read, 1 some could not be (listed) or the decisions
file is unusable, 2 bad usage.
`;

const FORMATS = ['text', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { value: true },
  json: { value: false },
  'max-size': { value: true },
  help: { value: false, short: 'h' },
};

/** The options `corpus` and `check` share: the folder and --max-size. */
export function folderAndSize(positionals: readonly string[], size: string | undefined, what: string): { folder: string; maxBytes: number } {
  const maxBytes = size === undefined ? DEFAULT_MAX_ARTICLE_BYTES : parseSize(size);
  if (maxBytes === undefined) throw new UsageError(`--max-size "${size}" is not a size (e.g. 10485760, 500K, 20M)`);
  if (positionals.length === 0) throw new UsageError(`no FOLDER given: name the folder of articles ${what}`);
  if (positionals.length > 1) throw new UsageError(`one FOLDER at a time (got ${positionals.length}): the decisions file belongs to one folder`);
  return { folder: positionals[0], maxBytes };
}

/** Loads the corpus; an unusable decisions file is reported (exit 1) instead of being ignored. */
export async function loadOrReport(folder: string, io: CliIO, maxBytes: number): Promise<LoadedCorpus | undefined> {
  try {
    const loaded = await loadCorpus(folder, io, maxBytes);
    for (const w of loaded.warnings) io.stderr(`news-annotator: ${w}\n`);
    return loaded;
  } catch (e) {
    if (!(e instanceof DecisionsError)) throw e;
    io.stderr(`news-annotator: ${e.message}\n`);
    return undefined;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function textReport(loaded: LoadedCorpus): string {
  const { corpus } = loaded;
  const entities = corpus.entities();
  let out = `${plural(corpus.size, 'article')} (${loaded.fromSidecars} from up-to-date sidecars, ${loaded.analyzed} analyzed in memory), ${plural(entities.length, 'entity').replace('entitys', 'entities')}\n`;
  if (entities.length > 0) {
    const nameWidth = Math.min(40, Math.max(4, ...entities.map(e => e.name.length)));
    out += `\n${'TYPE'.padEnd(12)}  ${'NAME'.padEnd(nameWidth)}  ARTICLES  MENTIONS  ALIASES\n`;
    for (const e of entities) {
      const aliases = e.aliases.filter(a => a !== e.name).join(', ');
      out += `${e.type.padEnd(12)}  ${e.name.padEnd(nameWidth)}  ${String(e.articles.length).padStart(8)}  ${String(e.mentions).padStart(8)}  ${aliases}\n`;
    }
  }
  const unindexed = corpus.unindexed();
  if (unindexed.length > 0) {
    out += `\nCould not read (${unindexed.length}):\n`;
    for (const u of unindexed) out += `  ${u.path}: ${u.reason}\n`;
  }
  return safeOutput(out);
}

const jsonEntity = (loaded: LoadedCorpus, e: CorpusEntity) => ({
  id: e.id,
  type: e.type,
  name: e.name,
  aliases: e.aliases,
  ...(e.externalId !== undefined ? { externalId: e.externalId } : {}),
  ...(e.note !== undefined ? { note: e.note } : {}),
  mentions: e.mentions,
  articles: e.articles.map(a => ({ path: a.path, mentions: a.mentions })),
  firstMention: { path: e.firstMention.path, start: e.firstMention.start, end: e.firstMention.end, text: e.firstMention.text },
  appearsWith: appearsWith(loaded.corpus, e.id, 5).map(c => ({ id: c.entity.id, articles: c.articles, sentences: c.sentences })),
});

function jsonReport(loaded: LoadedCorpus): string {
  const { corpus } = loaded;
  const report = {
    articles: corpus.size,
    fromSidecars: loaded.fromSidecars,
    analyzed: loaded.analyzed,
    entities: corpus.entities().map(e => jsonEntity(loaded, e)),
    unindexed: corpus.unindexed(),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function csvReport(loaded: LoadedCorpus): string {
  let out = 'id,type,name,article,mentions\r\n';
  for (const e of loaded.corpus.entities()) for (const a of e.articles) out += `${[e.id, e.type, e.name, a.path].map(csvField).join(',')},${a.mentions}\r\n`;
  return out;
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
  const { folder, maxBytes } = folderAndSize(positionals, options.get('max-size') as string | undefined, 'to list');
  const loaded = await loadOrReport(folder, io, maxBytes);
  if (!loaded) return EXIT_SOME_FAILED;
  const f = format as Format;
  io.stdout(f === 'json' ? jsonReport(loaded) : f === 'csv' ? csvReport(loaded) : textReport(loaded));
  const unindexed = loaded.corpus.unindexed();
  if (unindexed.length > 0 && f !== 'text') for (const u of unindexed) io.stderr(`news-annotator: ${u.path}: ${u.reason}\n`);
  return unindexed.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
