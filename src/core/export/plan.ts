// Which files an export writes, computed once for both hosts (the CLI and the editor): the main file per article or
// for all of them, brat's `.txt` copy of each article, and brat's `annotation.conf`. The hosts only check the plan
// (./targets.ts) and write it. Paths are the host's own strings (file paths, URI strings): the plan joins them with
// the host's `join` and otherwise only swaps suffixes.
import { isReviewed } from '../session/review';
import { BRAT_ANNOTATION_CONF } from './brat';
import type { ExportFormat, ExportInput } from './types';

export type PlannedRole =
  /** The format's main file (`.jsonld`, `.ann`, `.conll`, `.jsonl`, `.csv`). */
  | 'export'
  /** A copy of the article text beside the main file (brat reads offsets against it). */
  | 'copy'
  /** A collection-wide configuration (brat's annotation.conf). */
  | 'config';

export interface PlannedFile {
  path: string;
  content: string;
  role: PlannedRole;
  /** For a 'copy': the article it copies. Planned onto that very article it is already there, and is not written. */
  copyOf?: string;
  /** A file already there is kept as it is (a collection's own annotation.conf), neither replaced nor a conflict. */
  keepExisting?: boolean;
}

export interface PlanArticle {
  input: ExportInput;
  /** Where the article is (host path), so a copy of it is never written over it or over another article. */
  source: string;
  /** Its path under the export's root folder, '/'-separated: the name its output gets in a folder export. */
  relative: string;
}

export type ExportTarget =
  /** All articles in one file (formats that hold one article per file: one article only). */
  | { kind: 'file'; file: string }
  /** One output per article under the folder, named after the article's relative path. */
  | { kind: 'folder'; folder: string };

export interface PathJoin {
  /** `folder` + a '/'-separated relative path, in the host's spelling. */
  join(folder: string, relative: string): string;
  /** The folder holding `file`. */
  dirname(file: string): string;
}

export interface ExportPlan {
  files: PlannedFile[];
  /** What the format could not carry, worded for the user. */
  warnings: string[];
}

export const BRAT_CONF_NAME = 'annotation.conf';

/** The ending of an export's default file name: the extension, told apart where two formats share one (JSONL). */
export const defaultSuffix = (format: ExportFormat) => format.nameSuffix ?? format.extension;

const extensionOf = (name: string) => /(\.[^./\\]*)$/.exec(name.replace(/^.*[\\/]/, ''))?.[1] ?? '';
const withoutExtension = (name: string) => name.slice(0, name.length - extensionOf(name).length);

/** The default export name of one article: `a.txt` -> `a.csv`, `a.spacy.jsonl`, ... */
export function defaultExportName(articleName: string, format: ExportFormat): string {
  return withoutExtension(articleName) + defaultSuffix(format);
}

/**
 * Per-article output names in a folder export: the relative path with the format's suffix; two articles that would
 * get the same name (`a.txt`, `a.md`) keep their own extension too (`a.txt.csv`, `a.md.csv`).
 */
export function folderNames(relatives: readonly string[], format: ExportFormat): string[] {
  const swapped = relatives.map(r => defaultExportName(r, format));
  const key = (s: string) => s.toLowerCase();
  const counts = new Map<string, number>();
  for (const s of swapped) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
  return swapped.map((name, i) => (counts.get(key(name))! > 1 ? relatives[i] + defaultSuffix(format) : name));
}

function companionsOf(
  main: string,
  format: ExportFormat,
  extensionUsed: string,
  article: PlanArticle | undefined,
  result: ReturnType<ExportFormat['export']>,
): PlannedFile[] {
  const stem = main.slice(0, main.length - extensionUsed.length);
  return result.companions.map(c => ({
    path: stem + c.extension,
    content: c.content,
    role: 'copy' as const,
    ...(article && c.extension === '.txt' && c.content === article.input.text ? { copyOf: article.source } : {}),
  }));
}

export interface PlanOptions {
  /** Only the annotations the user reviewed (accepted ones and their own), e.g. for training data. */
  reviewedOnly?: boolean;
}

/** The article with only its reviewed annotations (accepted automatic ones and the user's own). */
export function onlyReviewed(input: ExportInput): ExportInput {
  return { ...input, sidecar: { ...input.sidecar, annotations: input.sidecar.annotations.filter(isReviewed) } };
}

/**
 * The files an export writes. `uriFor` gives an article's IRI as seen from the file its annotations go into (W3C
 * targets are relative to the export file). Throws for a one-article format given several articles and a file.
 */
export function planExport(
  format: ExportFormat,
  articles: readonly PlanArticle[],
  target: ExportTarget,
  paths: PathJoin,
  uriFor: (article: PlanArticle, outputFile: string) => string | undefined = () => undefined,
  options: PlanOptions = {},
): ExportPlan {
  const files: PlannedFile[] = [];
  const warnings: string[] = [];
  const withUri = (a: PlanArticle, file: string): ExportInput => {
    const uri = uriFor(a, file);
    const input = options.reviewedOnly ? onlyReviewed(a.input) : a.input;
    return uri === undefined ? input : { ...input, uri };
  };
  let confFolder: string;
  if (target.kind === 'file') {
    if (!format.multiDocument && articles.length !== 1) {
      throw new Error(`${format.label} holds one article per file and ${articles.length} articles were given: export them into a folder`);
    }
    const result = format.export(articles.map(a => withUri(a, target.file)));
    warnings.push(...result.warnings);
    files.push({ path: target.file, content: result.content, role: 'export' });
    files.push(...companionsOf(target.file, format, extensionOf(target.file), articles.length === 1 ? articles[0] : undefined, result));
    confFolder = paths.dirname(target.file);
  } else {
    const names = folderNames(
      articles.map(a => a.relative),
      format,
    );
    articles.forEach((a, i) => {
      const file = paths.join(target.folder, names[i]);
      const result = format.export([withUri(a, file)]);
      warnings.push(...result.warnings);
      files.push({ path: file, content: result.content, role: 'export' });
      files.push(...companionsOf(file, format, defaultSuffix(format), a, result));
    });
    confFolder = target.folder;
  }
  if (format.id === 'brat') {
    // brat needs the collection's annotation.conf to know the labels; a user's own one is left alone
    files.push({ path: paths.join(confFolder, BRAT_CONF_NAME), content: BRAT_ANNOTATION_CONF, role: 'config', keepExisting: true });
  }
  return { files, warnings };
}
