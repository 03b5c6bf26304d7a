// Checks an export plan before anything is written, the same rule for every format and both hosts: an export never
// writes over an article or a sidecar, never writes two outputs to one path, writes only regular files, and replaces
// an existing file only when the user said so (--force, or "Replace" in the editor). The whole plan is checked
// first, so a refused export writes nothing.
import { readAhead } from '../readAhead';
import { isSidecarPath, SIDECAR_SUFFIX } from '../sidecar/storage';
import type { PlannedFile } from './plan';

/**
 * Targets probed at once. A probe is a request to the editor's file service: one after another, an export of 2,000
 * articles one file each waited some 7 s for them in code-server.
 */
const PROBES_AHEAD = 16;

/** The extensions of files the CLI treats as articles (the editor adds its configured languages and patterns). */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md'];

export const hasArticleExtension = (path: string) => ARTICLE_EXTENSIONS.some(ext => path.toLowerCase().endsWith(ext));

/** What is at a path, without following a symbolic link. */
export type TargetKind = 'missing' | 'file' | 'folder' | 'symlink' | 'other';

export interface TargetProbe {
  kind(path: string): Promise<TargetKind>;
  /** Whether the host treats `path` as an article (by default: a .txt or .md name). */
  isArticle?(path: string): boolean;
}

export interface PlanCheck {
  /** The files to write: the plan minus what is already there and kept (annotation.conf, a copy onto itself). */
  write: PlannedFile[];
  /** Files that exist and would be replaced: allowed only with the user's consent. */
  replace: PlannedFile[];
  /** Why the export must not run at all, one line per file: nothing may be written. */
  refused: { path: string; reason: string }[];
}

/** A .txt an earlier brat export wrote: an .ann of the same name beside it and no sidecar of its own. */
export async function isBratCopy(path: string, probe: TargetProbe): Promise<boolean> {
  if (!path.toLowerCase().endsWith('.txt')) return false;
  return (await probe.kind(path.slice(0, -4) + '.ann')) === 'file' && (await probe.kind(path + SIDECAR_SUFFIX)) === 'missing';
}

const describe: Record<Exclude<TargetKind, 'missing' | 'file'>, string> = {
  folder: 'a folder is in the way',
  symlink: 'it is a symbolic link (exports write regular files only, never through a link)',
  other: 'it is not a regular file (a FIFO, socket or device): exports write regular files only',
};

/**
 * Sorts the plan into what to write, what would replace an existing file, and what is refused. `articles` are the
 * exported articles' own paths: never a target, whatever their name.
 */
export async function checkPlan(files: readonly PlannedFile[], articles: readonly string[], probe: TargetProbe): Promise<PlanCheck> {
  const isArticle = probe.isArticle ?? hasArticleExtension;
  const inputs = new Set(articles);
  const check: PlanCheck = { write: [], replace: [], refused: [] };
  const refuse = (path: string, reason: string) => check.refused.push({ path, reason });
  // case-folded: on a case-insensitive file system (macOS, Windows) `A.csv` and `a.csv` are one file
  const seen = new Map<string, string>();
  // what is decided without the disk, for each file in order: a refusal, nothing to do, or a probe to make
  const decided = files.map(f => {
    const key = f.path.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return `two outputs of this export would be written to the same file${first === f.path ? '' : ` (${first})`}`;
    seen.set(key, f.path);
    if (f.copyOf !== undefined && f.copyOf === f.path) return 'skip'; // brat's .txt copy of an article beside it: the article itself
    if (isSidecarPath(f.path)) return 'it is a sidecar (annotations are never overwritten by an export)';
    if (inputs.has(f.path)) return 'it is an article being exported (the article is never modified)';
    return 'probe';
  });
  // the probes run PROBES_AHEAD at a time, their answers taken in order
  const kinds = readAhead(
    files.filter((_, i) => decided[i] === 'probe'),
    f => probe.kind(f.path),
    PROBES_AHEAD,
  )[Symbol.asyncIterator]();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (decided[i] === 'skip') continue;
    if (decided[i] !== 'probe') {
      refuse(f.path, decided[i]);
      continue;
    }
    const answer = await kinds.next();
    // (never done here: one probe was started for each file decided 'probe')
    if (answer.done) throw new Error('an export target was not probed');
    const kind: TargetKind = answer.value[1];
    if (kind === 'missing') {
      check.write.push(f);
      continue;
    }
    if (kind !== 'file') {
      refuse(f.path, describe[kind]);
      continue;
    }
    if (f.keepExisting) continue;
    if (isArticle(f.path) && !(await isBratCopy(f.path, probe))) {
      refuse(f.path, 'it is an article (a .txt or .md file that is not an earlier brat copy): an export never writes over one');
      continue;
    }
    check.replace.push(f);
    check.write.push(f);
  }
  return check;
}
