// Export Workspace's "one file for every article": how each format holds several articles in one file (the editor's
// picker says it), the combined file's default name, and each article's IRI as seen from that file. The combining
// itself is the formats' own (every exporter takes a list of articles) through planExport with a file target.
import { defaultSuffix } from './plan';
import type { ExportFormat, ExportFormatId } from './types';

/** What one file of every article looks like; undefined: the format holds one article per file (brat). */
const SHAPES: Record<ExportFormatId, string | undefined> = {
  w3c: "one AnnotationCollection of every article's annotations",
  brat: undefined,
  conll: 'a -DOCSTART- line before each article',
  'jsonl-spacy': 'one line per article',
  'jsonl-doccano': 'one line per article',
  csv: 'one table, its file column naming the article',
};

/** How the format puts every article in one file, in words; undefined when it cannot (one article per file). */
export function combinedShape(format: ExportFormat): string | undefined {
  return format.multiDocument ? SHAPES[format.id] : undefined;
}

/** The default name of a combined export: the workspace's name (made a safe file name) with the format's suffix. */
export function defaultCombinedName(workspaceName: string, format: ExportFormat): string {
  // eslint-disable-next-line no-control-regex
  const safe = workspaceName.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-').replace(/^[.\s-]+|[.\s-]+$/g, '');
  return (safe || 'workspace') + '-annotations' + defaultSuffix(format);
}

const schemeAndAuthority = (uri: string) => /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)/i.exec(uri)?.[1];

/**
 * A relative reference from the file `from` to `to` (both absolute, hierarchical URI strings with encoded path
 * segments, as the editor writes them): `file:///w/out/all.jsonld` -> `file:///w/seeds/a.txt` is `../seeds/a.txt`.
 * W3C targets in an export then resolve to the articles wherever the folder is moved with its export. `to` itself
 * when the two do not share a scheme and authority (no relative reference reaches it).
 */
export function relativeReference(from: string, to: string): string {
  const origin = schemeAndAuthority(from);
  if (origin === undefined || origin.toLowerCase() !== schemeAndAuthority(to)?.toLowerCase() || /[?#]/.test(from + to)) return to;
  const fromDir = from.slice(origin.length).split('/').slice(0, -1);
  const target = to.slice(origin.length).split('/');
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const up = fromDir.slice(common).map(() => '..');
  const reference = [...up, ...target.slice(common)].join('/');
  // a first segment with a colon would read as a scheme
  return up.length === 0 && /^[^/]*:/.test(reference) ? `./${reference}` : reference;
}
