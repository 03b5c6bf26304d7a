// Reading and writing sidecars through a storage interface the host implements (Node's fs in the CLI,
// workspace.fs in the extension), with the rules that keep the user's data safe:
// - a sidecar that cannot be used (not JSON, wrong shape, newer format) is never overwritten; a copy is made
//   beside it (`.bak`, `.bak.1`, ... never clobbering an earlier backup) and the error names both files;
// - writes are atomic (the storage writes a temporary file and renames it over the old one);
// - a save can insist the file is unchanged since it was read (`expectedMtime`), so a sidecar edited elsewhere
//   (another editor tab, git) is not overwritten under the user.
import { parseSidecar } from './validate';
import { serializeSidecar, sidecarChunks } from './serialize';
import { SidecarError, type Sidecar } from './types';

/**
 * What the sidecar code needs from a file system. Paths are opaque strings (file paths or URI strings): the core
 * only appends suffixes to them. Methods reject with the platform's error for anything but "not found".
 */
export interface SidecarStorage {
  /**
   * The file's text (UTF-8), or undefined when it does not exist. A file that is not UTF-8 may be refused with an
   * error whose `code` is NOT_UTF8 and whose `text` holds its bytes one to one as characters (Latin-1).
   */
  readText(path: string): Promise<string | undefined>;
  /** Replaces the file's content atomically: write a temporary file in the same folder, then rename it over `path`. */
  writeTextAtomic(path: string, text: string): Promise<void>;
  /**
   * The same with the text given in pieces (joined, they are the text), when the storage can write them as they
   * come: a big article's sidecar is then never held whole in memory, nor its UTF-8 encoding.
   */
  writeChunksAtomic?(path: string, chunks: Iterable<string>): Promise<void>;
  /** Copies `from` to `to`; `to` does not exist (the caller picks a free name). */
  copy(from: string, to: string): Promise<void>;
  /** Whether anything (file or folder) exists at `path`. */
  exists(path: string): Promise<boolean>;
  /** Last modification time in ms, or undefined when the file does not exist. */
  mtime(path: string): Promise<number | undefined>;
}

export const SIDECAR_SUFFIX = '.annotations.json';

/** The error code (errno's "illegal byte sequence") of a file that is not UTF-8: a corrupt sidecar, backed up. */
export const NOT_UTF8 = 'EILSEQ';

/** The file's bytes as Latin-1 text when `e` says it is not UTF-8 (see SidecarStorage.readText). */
const notUtf8Text = (e: unknown): string | undefined => {
  const x = e as { code?: unknown; text?: unknown } | null;
  return x?.code === NOT_UTF8 && typeof x.text === 'string' ? x.text : undefined;
};

/** `a.txt` -> `a.txt.annotations.json` */
export const sidecarPathFor = (articlePath: string) => articlePath + SIDECAR_SUFFIX;

export const isSidecarPath = (path: string) => path.endsWith(SIDECAR_SUFFIX) || /\.annotations\.json\.bak(\.\d+)?$/.test(path);

/** The last path segment of a file path or URI (`/x/a.txt` -> `a.txt`). */
export const baseName = (path: string) =>
  path
    .replace(/[\\/]+$/, '')
    .split(/[\\/]/)
    .pop() ?? path;

export type LoadResult =
  | { status: 'missing' }
  | { status: 'ok'; sidecar: Sidecar; text: string; mtime: number | undefined }
  /** Unusable: the file was left as is and copied to error.backup when it could be read. */
  | { status: 'error'; error: SidecarError };

const ioError = (path: string, action: string, e: unknown) => new SidecarError('io', path, `could not ${action}: ${(e as Error)?.message ?? String(e)}`);

/**
 * Copies an unusable sidecar to the first free `<path>.bak`, `<path>.bak.1`, ... and returns that name. A backup
 * with the same content already there is reused, so re-running on a broken file does not pile up copies.
 */
export async function backupSidecar(storage: SidecarStorage, path: string, content: string): Promise<string> {
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? `${path}.bak` : `${path}.bak.${i}`;
    if (!(await storage.exists(candidate))) {
      await storage.copy(path, candidate);
      return candidate;
    }
    if ((await storage.readText(candidate).catch(notUtf8Text)) === content) return candidate;
  }
}

/**
 * Reads and validates a sidecar. Never throws: problems come back as status 'error', after a backup was made
 * (unless options.backup is false, for callers that must not write anything, e.g. the CLI's --json).
 */
export async function loadSidecar(storage: SidecarStorage, path: string, options: { backup?: boolean } = {}): Promise<LoadResult> {
  let text: string | undefined;
  let mtime: number | undefined;
  try {
    mtime = await storage.mtime(path);
    text = await storage.readText(path);
  } catch (e) {
    const bytes = notUtf8Text(e);
    if (bytes === undefined) return { status: 'error', error: ioError(path, 'read it', e) };
    return corrupt(
      storage,
      path,
      bytes,
      new SidecarError('invalid-json', path, 'not UTF-8 text (a byte that is not UTF-8, e.g. Latin-1 from a hand edit)'),
      options,
    );
  }
  if (text === undefined) return { status: 'missing' };
  try {
    return { status: 'ok', sidecar: parseSidecar(text, path), text, mtime };
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return corrupt(storage, path, text, e, options);
  }
}

/** An unusable sidecar: left as is, backed up (unless options.backup is false), reported. */
async function corrupt(storage: SidecarStorage, path: string, text: string, e: SidecarError, options: { backup?: boolean }): Promise<LoadResult> {
  if (options.backup === false) {
    return { status: 'error', error: new SidecarError(e.kind, path, `${e.reason}. It was left untouched; fix or delete it to annotate again`) };
  }
  let backup: string | undefined;
  try {
    backup = await backupSidecar(storage, path, text);
  } catch (b) {
    return { status: 'error', error: new SidecarError(e.kind, path, `${e.reason}; backing it up failed too (${(b as Error).message})`) };
  }
  return { status: 'error', error: new SidecarError(e.kind, path, `${e.reason}. It was left untouched; fix or delete it to annotate again`, backup) };
}

export interface SaveOptions {
  /**
   * The mtime seen when the sidecar was loaded (undefined in LoadResult: it did not exist). When given, the save
   * fails with a 'conflict' error if the file changed or appeared since.
   */
  expectedMtime?: number | undefined;
  /** Set to check expectedMtime (needed because `expectedMtime: undefined` means "expected to be missing"). */
  checkMtime?: boolean;
  /**
   * The text seen when the sidecar was loaded (LoadResult.text). With checkMtime, a file whose content differs is a
   * conflict even when its mtime did not change (a coarse file system, a tool that restores timestamps).
   */
  expectedText?: string;
}

export interface SaveResult {
  /** False when the file already held exactly this content (nothing written, mtime unchanged). */
  written: boolean;
  /** The text now on disk (after a write, built on first read: the write itself streamed it in pieces). */
  text: string;
  mtime: number | undefined;
}

/**
 * Writes a sidecar atomically. Refuses (SidecarError) to replace a file that is not a usable sidecar (backing it up
 * first), one changed since it was read (when options.checkMtime), or when the storage fails.
 */
export function saveSidecar(storage: SidecarStorage, path: string, sidecar: Sidecar, options: SaveOptions = {}): Promise<SaveResult> {
  return oneAtATime(path, () => saveNow(storage, path, sidecar, options));
}

/** Saves under way, by path: a save waits for the previous one to the same file (see oneAtATime). */
const pending = new Map<string, Promise<unknown>>();

/**
 * Runs saves to one path one after the other. Two saves racing in one process (a typing burst and an undo, two
 * commands) would otherwise both pass the mtime check before either writes, and the later would silently replace
 * the earlier; in turn, the second sees the first's write and reports a conflict instead.
 */
function oneAtATime<T>(path: string, job: () => Promise<T>): Promise<T> {
  const run = (pending.get(path) ?? Promise.resolve()).then(job, job);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  pending.set(path, settled);
  void settled.then(() => {
    if (pending.get(path) === settled) pending.delete(path);
  });
  return run;
}

async function saveNow(storage: SidecarStorage, path: string, sidecar: Sidecar, options: SaveOptions): Promise<SaveResult> {
  const unchanged = await checkBeforeWriting(storage, path, sidecar, options);
  if (unchanged) return unchanged;
  let text: string | undefined;
  try {
    if (storage.writeChunksAtomic) await storage.writeChunksAtomic(path, sidecarChunks(sidecar));
    else await storage.writeTextAtomic(path, (text = serializeSidecar(sidecar)));
  } catch (e) {
    throw ioError(path, 'write it', e);
  }
  const mtime = await storage.mtime(path).catch(() => undefined);
  return {
    written: true,
    get text() {
      return (text ??= serializeSidecar(sidecar));
    },
    mtime,
  };
}

/**
 * The checks before a save writes (see saveSidecar): throws when it must not, returns the result when the file
 * already holds this sidecar, undefined to go ahead. Separate so the file's old text is let go before the write.
 */
async function checkBeforeWriting(storage: SidecarStorage, path: string, sidecar: Sidecar, options: SaveOptions): Promise<SaveResult | undefined> {
  let current: string | undefined;
  try {
    if (options.checkMtime) {
      const now = await storage.mtime(path);
      if (now !== options.expectedMtime) {
        throw new SidecarError(
          'conflict',
          path,
          now === undefined
            ? 'it was deleted since it was read; not written (annotate again to recreate it)'
            : 'it changed on disk since it was read (another editor or tool); not overwritten. Reload it and redo the change',
        );
      }
    }
    current = await storage.readText(path);
  } catch (e) {
    if (e instanceof SidecarError) throw e;
    throw ioError(path, 'read it before writing', e);
  }
  if (current !== undefined) {
    if (sameText(current, sidecarChunks(sidecar))) return { written: false, text: current, mtime: await storage.mtime(path).catch(() => undefined) };
    if (options.checkMtime && options.expectedText !== undefined && current !== options.expectedText) {
      throw new SidecarError('conflict', path, 'it changed on disk since it was read (another editor or tool); not overwritten. Reload it and redo the change');
    }
    try {
      parseSidecar(current, path);
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      const backup = await backupSidecar(storage, path, current).catch(() => undefined);
      throw new SidecarError(e.kind, path, `${e.reason}. It was not overwritten; fix or delete it to annotate again`, backup);
    }
  }
  return undefined;
}

/** Whether `chunks` joined equal `text`, compared piece by piece (stops at the first difference). */
function sameText(text: string, chunks: Iterable<string>): boolean {
  let at = 0;
  for (const c of chunks) {
    if (!text.startsWith(c, at)) return false;
    at += c.length;
  }
  return at === text.length;
}
