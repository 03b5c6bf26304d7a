// Which workspace folder holds the decisions file `.news-annotator/entities.json` (pure, so Node tests it). The
// corpus is one across every workspace folder (Ctrl+T, merges and the Corpus view span them), so one file governs
// it: the first folder, in the workspace's order, that already has one, else the first folder (where the first
// decision creates it). Finding an existing file first means adding or reordering folders never orphans it. Files
// in the other folders are not read: they are named, so the user can merge them by hand.

export interface FolderDecisions<F> {
  folder: F;
  /** Whether `<folder>/.news-annotator/entities.json` exists. */
  hasFile: boolean;
}

export interface DecisionsLocation<F> {
  /** The folder whose decisions file is read and written; undefined: no workspace folder. */
  folder: F | undefined;
  /** Other folders that have a decisions file, which is not read. */
  ignored: F[];
}

export function decisionsLocation<F>(folders: readonly FolderDecisions<F>[]): DecisionsLocation<F> {
  const holding = folders.filter(f => f.hasFile);
  const chosen = holding[0] ?? folders[0];
  return { folder: chosen?.folder, ignored: holding.slice(1).map(f => f.folder) };
}
