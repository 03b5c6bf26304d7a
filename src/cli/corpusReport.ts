// What `corpus` prints (text, JSON, CSV) and where `corpus` and `check` place a finding: the entity x article
// table, the co-occurrence pairs and the consistency problems of one loaded corpus.
import { checkCorpus, cooccurrencePairs, cooccurrenceTable, csvField, type CoOccurrenceTable, type CorpusEntity, type Finding } from '../core';
import type { LoadedCorpus } from './corpusLoad';
import { safeOutput } from './safeText';

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

export interface LocatedFinding {
  finding: Finding;
  /** The article as the user named it (PATH argument, then the path under it). */
  shown: string;
  line: number;
  column: number;
}

/** The corpus' consistency findings, each with the article as named and a one-based line and column. */
export function locatedFindings(loaded: LoadedCorpus): LocatedFinding[] {
  return checkCorpus(loaded.corpus).map(finding => {
    const article = loaded.corpus.article(finding.path)!;
    return { finding, shown: loaded.shown.get(finding.path) ?? finding.path, ...lineAndColumn(article.text, finding.start) };
  });
}

/** `path:line:column: message [code]`, the shape compilers print (editors and CI annotate it). */
export const findingLine = (f: LocatedFinding) => `${f.shown}:${f.line}:${f.column}: ${f.finding.message} [${f.finding.code}]`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const entities_ = (n: number) => `${n} entit${n === 1 ? 'y' : 'ies'}`;

export function textReport(loaded: LoadedCorpus): string {
  const { corpus } = loaded;
  const entities = corpus.entities();
  let out = `${plural(corpus.size, 'article')} (${loaded.fromSidecars} from up-to-date sidecars, ${loaded.analyzed} analyzed in memory), ${entities_(entities.length)}\n`;
  if (entities.length > 0) {
    const nameWidth = Math.min(40, Math.max(4, ...entities.map(e => e.name.length)));
    out += `\n${'TYPE'.padEnd(12)}  ${'NAME'.padEnd(nameWidth)}  ARTICLES  MENTIONS  ALIASES\n`;
    for (const e of entities) {
      const aliases = e.aliases.filter(a => a !== e.name).join(', ');
      out += `${e.type.padEnd(12)}  ${e.name.padEnd(nameWidth)}  ${String(e.articles.length).padStart(8)}  ${String(e.mentions).padStart(8)}  ${aliases}\n`;
    }
  }
  const pairs = cooccurrencePairs(corpus);
  if (pairs.length > 0) {
    out += `\nAppear together (${plural(pairs.length, 'pair')}; shared articles, shared sentences):\n`;
    out += `ARTICLES  SENTENCES  ENTITIES\n`;
    for (const p of pairs) out += `${String(p.articles).padStart(8)}  ${String(p.sentences).padStart(9)}  ${p.entity.name} + ${p.with.name}\n`;
  }
  const findings = locatedFindings(loaded);
  out += findings.length === 0 ? '\nNo consistency problems.\n' : `\nConsistency problems (${findings.length}):\n`;
  for (const f of findings) out += `${findingLine(f)}\n`;
  const unindexed = corpus.unindexed();
  if (unindexed.length > 0) {
    out += `\nCould not read (${unindexed.length}):\n`;
    for (const u of unindexed) out += `  ${u.path}: ${u.reason}\n`;
  }
  return safeOutput(out);
}

const jsonEntity = (table: CoOccurrenceTable, e: CorpusEntity) => ({
  id: e.id,
  type: e.type,
  name: e.name,
  aliases: e.aliases,
  ...(e.externalId !== undefined ? { externalId: e.externalId } : {}),
  ...(e.note !== undefined ? { note: e.note } : {}),
  mentions: e.mentions,
  articles: e.articles.map(a => ({ path: a.path, mentions: a.mentions })),
  firstMention: { path: e.firstMention.path, start: e.firstMention.start, end: e.firstMention.end, text: e.firstMention.text },
  appearsWith: table.appearsWith(e.id, 5).map(c => ({ id: c.entity.id, articles: c.articles, sentences: c.sentences })),
});

export function jsonReport(loaded: LoadedCorpus): string {
  const { corpus } = loaded;
  // the pairs and every entity's "Appears with" from one count over the corpus
  const table = cooccurrenceTable(corpus);
  const report = {
    articles: corpus.size,
    fromSidecars: loaded.fromSidecars,
    analyzed: loaded.analyzed,
    entities: corpus.entities().map(e => jsonEntity(table, e)),
    pairs: table.pairs.map(p => ({ entity: p.entity.id, with: p.with.id, articles: p.articles, sentences: p.sentences })),
    problems: locatedFindings(loaded).map(({ finding: f, line, column }) => ({
      path: f.path,
      line,
      column,
      start: f.start,
      end: f.end,
      code: f.code,
      message: f.message,
    })),
    unindexed: corpus.unindexed(),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * One table, so a spreadsheet or a data frame reads it whole: the `record` column says what a row is (`entity`: an
 * entity in an article; `pair`: two entities sharing articles; `problem`: a consistency finding) and which columns
 * it fills.
 */
export const CSV_HEADER = 'record,id,type,name,article,mentions,with,articles,sentences,line,column,code,message';

export function csvReport(loaded: LoadedCorpus): string {
  const row = (cells: (string | number)[]) => `${cells.map(csvField).join(',')}\r\n`;
  let out = `${CSV_HEADER}\r\n`;
  for (const e of loaded.corpus.entities())
    for (const a of e.articles) out += row(['entity', e.id, e.type, e.name, a.path, a.mentions, '', '', '', '', '', '', '']);
  for (const p of cooccurrencePairs(loaded.corpus))
    out += row(['pair', p.entity.id, p.entity.type, p.entity.name, '', '', p.with.id, p.articles, p.sentences, '', '', '', '']);
  for (const { finding: f, line, column } of locatedFindings(loaded))
    out += row(['problem', '', '', '', f.path, '', '', '', '', line, column, f.code, f.message]);
  return out;
}
