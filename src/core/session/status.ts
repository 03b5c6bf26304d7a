// What an article session is doing, and what became of a save: explicit values the hosts show, count and test
// against, instead of a bag of booleans.
import type { SidecarError } from '../sidecar/types';

/**
 * - idle: nothing analyzed yet (or forgotten: the next analysis reloads the sidecar);
 * - loading: reading the stored sidecar;
 * - analyzing: a long analysis is under way (the host warms the analyzer chunk by chunk);
 * - ready: the sidecar in memory matches an analysis of the text;
 * - unreadable: the host found the text is not an article it can read (binary, wrong encoding);
 * - tooLarge: the text is above the host's size limit and the user did not ask for it anyway.
 */
export type SessionStatus = 'idle' | 'loading' | 'analyzing' | 'ready' | 'unreadable' | 'tooLarge';

/** Why a save wrote nothing. */
export type SaveSkipReason =
  /** Nothing analyzed yet: there is no sidecar to save. */
  | 'noSidecar'
  /** The stored sidecar could not be used (see loadError); it is never overwritten. */
  | 'unusableSidecar'
  /** The file changed on disk since it was read (or the host refused, e.g. an editor tab holds unsaved changes). */
  | 'conflict'
  /** The storage failed (permissions, disk full...). */
  | 'error';

export type SaveOutcome =
  /** The file now holds the sidecar; `written` is false when it already held exactly this content. */
  { saved: true; written: boolean } | { saved: false; reason: SaveSkipReason; error?: SidecarError };

/** What the file held when the session last read or wrote it: a save insists it is still so. */
export interface DiskState {
  /** undefined: there was no file. */
  mtime: number | undefined;
  text: string | undefined;
}
