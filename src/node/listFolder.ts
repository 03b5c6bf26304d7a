// Lists a folder's files on this host's disk the way VS Code's file search (ripgrep) walks a workspace folder: regular
// files only (no FIFO, socket or device), symbolic links followed when asked (search.followSymlinks) and skipped when
// not, a broken link skipped, a link back to a folder the walk is inside skipped (a loop), a folder that cannot be read
// skipped. Which entries count is the caller's filter. Written here rather than taken from a crawler library because
// the filter needs each entry's siblings (files.exclude's `when` clauses), which the listing has at hand.
import type { Dirent } from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface ListFilter {
  /** Whether a folder is left out with everything it holds ('/'-separated path in the root). */
  skipFolder(relative: string): boolean;
  /** Whether a file is listed (its path, the names of every entry beside it). */
  takeFile(relative: string, siblings: ReadonlySet<string>): boolean;
}

export interface ListOptions {
  followSymlinks: boolean;
}

/** The files under `root` the filter takes, as '/'-separated paths relative to it, in no particular order. */
export async function listFolder(root: string, filter: ListFilter, options: ListOptions): Promise<string[]> {
  const found: string[] = [];
  /** `real`: the folder's real path; `ancestors`: the real paths of the folders the walk is inside, itself included. */
  async function walk(folder: string, relative: string, real: string, ancestors: readonly string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.map(e => e.name));
    const below: Promise<void>[] = [];
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      let kind: 'file' | 'folder' | undefined;
      let entryReal = path.join(real, entry.name);
      if (entry.isFile()) kind = 'file';
      else if (entry.isDirectory()) kind = 'folder';
      else if (entry.isSymbolicLink() && options.followSymlinks) {
        const target = await fsp.stat(full).catch(() => undefined);
        if (target?.isFile()) kind = 'file';
        else if (target?.isDirectory()) {
          entryReal = await fsp.realpath(full).catch(() => full);
          if (!ancestors.includes(entryReal)) kind = 'folder';
        }
      }
      if (kind === 'file' && filter.takeFile(rel, names)) found.push(rel);
      else if (kind === 'folder' && !filter.skipFolder(rel)) below.push(walk(full, rel, entryReal, [...ancestors, entryReal]));
    }
    await Promise.all(below);
  }
  const real = await fsp.realpath(root).catch(() => undefined);
  // a folder that is not there holds no file (as the search answers for it)
  if (real !== undefined) await walk(root, '', real, [real]);
  return found;
}
