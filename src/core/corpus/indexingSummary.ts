// The line the editor's corpus index writes to its output channel after indexing the workspace (a workspace opened,
// a refresh): how many articles, how long, and where each came from, so a user can see what a re-opening cost.

/** How the articles of one indexing were read. */
export interface IndexingCounts {
  /** Taken from the corpus snapshot. */
  snapshot: number;
  /** Read from their up-to-date sidecars. */
  sidecar: number;
  /** Analyzed (no up-to-date sidecar). */
  analyzed: number;
  /** Taken from the editor, where they are open. */
  editor: number;
  /** Could not be indexed (each is listed in the channel with its reason). */
  unindexed: number;
}

/** How one article of an indexing was read (a field of IndexingCounts). */
export type IndexingWay = keyof IndexingCounts;

/**
 * The counts of an indexing from how each article was read, the last way of each: a file event can have an article
 * read again while the indexing is under way (a sidecar written just before), and it is still one article.
 */
export function countIndexing(ways: ReadonlyMap<string, IndexingWay>): IndexingCounts {
  const counts: IndexingCounts = { snapshot: 0, sidecar: 0, analyzed: 0, editor: 0, unindexed: 0 };
  for (const way of ways.values()) counts[way]++;
  return counts;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** E.g. "Indexed 2,000 articles in 0.21 s: 1,990 from the corpus snapshot, 10 analyzed; 1 could not be indexed." */
export function describeIndexing(c: IndexingCounts, ms: number): string {
  const indexed = c.snapshot + c.sidecar + c.analyzed + c.editor;
  const parts = [
    [c.snapshot, 'from the corpus snapshot'],
    [c.sidecar, 'from sidecars'],
    [c.analyzed, 'analyzed'],
    [c.editor, 'from the editor'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, how]) => `${(n as number).toLocaleString('en-US')} ${how as string}`);
  const failed = c.unindexed > 0 ? `; ${count(c.unindexed, 'file')} could not be indexed` : '';
  return `Indexed ${count(indexed, 'article')} in ${seconds(ms)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${failed}.`;
}
