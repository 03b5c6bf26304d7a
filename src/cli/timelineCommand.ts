// `news-annotator timeline`: the dates of articles in date order, with the sentence and the people, places and
// organizations around each. Reads each article as `annotate` would see it (its sidecar's manual work and reference
// date, reconciled with a fresh analysis) but writes nothing. The events come from core/present/timeline, as the
// editor's Timeline view's do.
import * as path from 'node:path';
import {
  analyze,
  articleFormat,
  annotateArticle,
  articleTimeline,
  decodeArticle,
  DEFAULT_MAX_ARTICLE_BYTES,
  formatSize,
  readAhead,
  isIsoDay,
  isoInstant,
  mergeTimelines,
  timelineCsv,
  type Timeline,
  type TimelineEvent,
  type UnplacedDate,
} from '../core';
import { readFileQuick, statQuick } from '../node/quickFs';
import { NodeSidecarStorage } from '../node/storage';
import { parseArgs, parseSize } from './args';
import { collectArticles, sidecarPathOf, type ArticleFile } from './files';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, type CliIO } from './io';
import { safeOutput } from './safeText';
import { GENERATOR } from './version';

export const TIMELINE_HELP = `Usage: news-annotator timeline [options] PATH...

Prints the dates of news articles in date order: each date in words and as its
value, its precision, the article and line, the sentence it is in and the
people, places and organizations of that sentence. Dates that cannot be placed
(unresolved without a reference date) are listed after them. PATH is a file or
a folder (every .txt and .md file in it, recursively). Each article's sidecar
is honoured (manual annotations, reference date) when there is one; nothing is
written.

Options:
  --format FORMAT            text (default), csv or json
  --reference-date YYYY-MM-DD
                             the articles' publication date: relative dates
                             ("yesterday", "last week") resolve against it
  --locale TAG               language of the dates in words (default en; also
                             fr, de, es)
  --max-size SIZE            skip larger articles (default 10M; e.g. 500K, 20M)
  -h, --help                 show this help

Exit codes: 0 all articles read, 1 some could not be (reported on stderr),
2 bad usage.
`;

const FORMATS = ['text', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { value: true },
  'reference-date': { value: true },
  locale: { value: true },
  'max-size': { value: true },
  help: { value: false, short: 'h' },
};

interface Settings {
  format: Format;
  referenceDate?: string;
  locale: string;
  maxBytes: number;
}

function settingsFrom(args: readonly string[]): { settings: Settings; paths: string[] } | 'help' {
  const { options, positionals } = parseArgs(args, OPTIONS);
  if (options.has('help')) return 'help';
  const format = (options.get('format') ?? 'text') as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}": use one of ${FORMATS.join(', ')}`);
  const referenceDate = options.get('reference-date') as string | undefined;
  if (referenceDate !== undefined && !isIsoDay(referenceDate)) {
    throw new UsageError(`--reference-date "${referenceDate}" is not a date written YYYY-MM-DD (e.g. 2015-11-24)`);
  }
  const locale = (options.get('locale') ?? 'en') as string;
  if (!isLocale(locale)) throw new UsageError(`--locale "${locale}" is not a language tag (e.g. en, fr, de-CH)`);
  const size = options.get('max-size') as string | undefined;
  const maxBytes = size === undefined ? DEFAULT_MAX_ARTICLE_BYTES : parseSize(size);
  if (maxBytes === undefined) throw new UsageError(`--max-size "${size}" is not a size (e.g. 10485760, 500K, 20M)`);
  if (positionals.length === 0) throw new UsageError('no PATH given: name the articles or folders whose dates to list');
  return { settings: { format: format as Format, referenceDate, locale, maxBytes }, paths: positionals };
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** An article's bytes, or why they cannot be read. */
async function readArticle(article: ArticleFile, maxBytes: number): Promise<{ bytes: Uint8Array } | { failure: string }> {
  try {
    const stat = await statQuick(article.file);
    if (stat.size > maxBytes) return { failure: `too large (${formatSize(stat.size)}; the limit is ${formatSize(maxBytes)}, see --max-size)` };
    return { bytes: await readFileQuick(article.file) };
  } catch (e) {
    return { failure: `cannot read: ${(e as Error).message}` };
  }
}

/** One article's timeline, or null when it cannot be read (reported on stderr). */
async function timelineOf(
  article: ArticleFile,
  read: { bytes: Uint8Array } | { failure: string },
  settings: Settings,
  storage: NodeSidecarStorage,
  io: CliIO,
): Promise<{ timeline: Timeline; ok: boolean } | null> {
  const fail = (reason: string) => {
    io.stderr(`news-annotator: ${article.display}: ${reason}\n`);
    return null;
  };
  if ('failure' in read) return fail(read.failure);
  const decoded = decodeArticle(read.bytes, settings.maxBytes);
  if (!decoded.ok) return fail(decoded.reason);
  const sidecarPath = sidecarPathOf(article, undefined);
  const result = await annotateArticle({
    storage,
    sidecarPath,
    file: path.basename(article.file),
    text: decoded.text,
    analyze,
    options: { format: articleFormat(article.file), ...(settings.referenceDate ? { referenceDate: settings.referenceDate } : {}) },
    generator: GENERATOR,
    now: new Date().toISOString(),
    write: false,
  });
  if (result.loadError) {
    io.stderr(`news-annotator: ${article.display}: ${result.loadError.message} (its dates are listed from a fresh analysis)\n`);
  }
  const { sidecar } = result;
  const referenceDate = sidecar.document.referenceDate
    ? { value: sidecar.document.referenceDate, source: sidecar.document.referenceDateSource ?? ('detected' as const) }
    : null;
  const timeline = articleTimeline(
    { article: article.display, text: decoded.text, annotations: sidecar.annotations, entities: sidecar.entities, referenceDate },
    { locale: settings.locale },
  );
  return { timeline, ok: !result.loadError };
}

function entityLine(e: TimelineEvent): string {
  const groups = (
    [
      ['person', 'People'],
      ['place', 'Places'],
      ['organization', 'Organizations'],
    ] as const
  )
    .map(([type, label]) => [label, e.entities.filter(x => x.type === type).map(x => x.name)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => `${label}: ${list.join(', ')}`);
  return groups.length ? `    ${groups.join(' · ')}\n` : '';
}

function textReport(t: Timeline): string {
  let out = '';
  for (const e of t.events) {
    out += `${e.human}  (${e.value}, ${e.precision})  ${e.article}:${e.line}  "${e.text}"\n    ${e.sentence}\n${entityLine(e)}`;
  }
  if (t.unplaced.length) {
    out += `${t.events.length ? '\n' : ''}Not on the timeline (${t.unplaced.length}):\n`;
    for (const u of t.unplaced) out += `  ${u.article}:${u.line}  "${u.text}"${u.value ? ` (${u.value})` : ''}: ${u.reason}\n`;
  }
  if (!t.events.length && !t.unplaced.length) out += 'No dates found.\n';
  // a report for people, even when piped: article text never brings control characters (escape sequences) along
  return safeOutput(out);
}

const jsonEvent = (e: TimelineEvent) => ({ ...e, from: isoInstant(e.from), to: isoInstant(e.to) });
const jsonReport = (t: Timeline) => `${JSON.stringify({ events: t.events.map(jsonEvent), unplaced: t.unplaced satisfies UnplacedDate[] }, null, 2)}\n`;

export async function runTimeline(args: string[], io: CliIO): Promise<number> {
  const parsed = settingsFrom(args);
  if (parsed === 'help') {
    io.stdout(TIMELINE_HELP);
    return EXIT_OK;
  }
  const { settings, paths } = parsed;
  const { articles, problems, skipped } = await collectArticles(paths, io.cwd);
  for (const p of problems) io.stderr(`news-annotator: ${p.display}: ${p.reason}\n`);
  for (const p of skipped) io.stderr(`news-annotator: ${p}: skipped (a sidecar, not an article)\n`);
  if (articles.length === 0 && problems.length === 0) io.stderr('news-annotator: no .txt or .md articles found\n');

  const storage = new NodeSidecarStorage();
  const timelines: Timeline[] = [];
  let failed = problems.length;
  // each article read while the one before is analysed (readAhead), the articles taken in their order
  for await (const [article, read] of readAhead(articles, a => readArticle(a, settings.maxBytes))) {
    const one = await timelineOf(article, read, settings, storage, io);
    if (one) timelines.push(one.timeline);
    if (!one?.ok) failed++;
  }
  const timeline = mergeTimelines(timelines);
  if (articles.length > 0) {
    io.stdout(settings.format === 'json' ? jsonReport(timeline) : settings.format === 'csv' ? timelineCsv(timeline) : textReport(timeline));
  }
  if (failed > 0) io.stderr(`news-annotator: ${failed} of ${articles.length + problems.length} failed\n`);
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
