// Reading the next articles while this one is worked on (the CLI's corpus, check and timeline, the editor's corpus
// index). One at a time, a corpus of 2,000 articles waits on some 8,000 file-system round trips in turn (the article's
// size and bytes, its sidecar's time and text), the process idle meanwhile. Pure: the hosts give the reads.

/** How many reads are under way at most: enough to keep Node's 4 file-system threads busy, few texts held at once. */
export const READ_AHEAD = 16;

/**
 * Each item with what `read` gave for it, in the items' order, the reads started up to `depth` items ahead of the one
 * handed out. `read` returns its failures rather than rejecting (a rejection is still handed out where its item is).
 */
export async function* readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>, depth = READ_AHEAD): AsyncGenerator<[T, R]> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < depth) {
      const p = read(items[next++]);
      // a read that rejects while the consumer stopped early (an exception in its loop) is not an unhandled rejection
      p.catch(() => undefined);
      pending.push(p);
    }
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    const result = await pending.shift()!;
    fill();
    yield [items[i], result];
  }
}
