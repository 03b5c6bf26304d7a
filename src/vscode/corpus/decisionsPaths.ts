// The article paths of split decisions, between the decisions file and the corpus index (pure, so Node tests it).
// The index keys an article by its workspace-relative path, with the folder's name first in a multi-root workspace;
// the file holds a path relative to its own folder (`../north/a.txt` for an article of another folder), as the
// CLI's keys are relative to it. So a single-folder workspace's file reads the same after a second folder is added,
// and the CLI run on that folder reads it too. A path that names no workspace folder is kept as written.
export interface FolderRef {
  name: string;
  /** The folder's URI as a string (`file:///work/news`). */
  uri: string;
}

export interface DecisionsPlace {
  folders: readonly FolderRef[];
  /** The URI of the folder holding `.news-annotator/entities.json`. */
  decisionsFolder: string;
}

const trimmed = (uri: string) => uri.replace(/\/+$/, '');
const multiRoot = (place: DecisionsPlace) => place.folders.length > 1;

/** The corpus key of a path written in the decisions file. */
export function keyOfFilePath(path: string, place: DecisionsPlace): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) return path;
  const uri = resolve(trimmed(place.decisionsFolder), path);
  if (uri === undefined) return path;
  for (const folder of place.folders) {
    const base = trimmed(folder.uri);
    if (!uri.startsWith(`${base}/`)) continue;
    const under = uri.slice(base.length + 1);
    return multiRoot(place) ? `${folder.name}/${under}` : under;
  }
  return path;
}

/** The path the decisions file holds for a corpus key. */
export function filePathOfKey(key: string, place: DecisionsPlace): string {
  let folder: FolderRef | undefined = place.folders[0];
  let under = key;
  if (multiRoot(place)) {
    const slash = key.indexOf('/');
    folder = slash > 0 ? place.folders.find(f => f.name === key.slice(0, slash)) : undefined;
    under = key.slice(slash + 1);
  }
  if (!folder) return key;
  const from = split(trimmed(place.decisionsFolder));
  const to = split(`${trimmed(folder.uri)}/${under}`);
  if (from.origin.toLowerCase() !== to.origin.toLowerCase()) return key;
  let common = 0;
  while (common < from.segments.length && common < to.segments.length - 1 && from.segments[common] === to.segments[common]) common++;
  return [...from.segments.slice(common).map(() => '..'), ...to.segments.slice(common)].join('/');
}

/** A URI's scheme and authority, and its path's segments. */
function split(uri: string): { origin: string; segments: string[] } {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(uri)?.[0] ?? '';
  return { origin, segments: uri.slice(origin.length).split('/').filter(Boolean) };
}

/** `relative` ('/'-separated, with `.` and `..`) resolved against the folder URI `base`; undefined above its root. */
function resolve(base: string, relative: string): string | undefined {
  const { origin, segments } = split(base);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(part);
  }
  return `${origin}/${segments.join('/')}`;
}
