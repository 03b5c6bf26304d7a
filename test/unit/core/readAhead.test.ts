// The read-ahead of the CLI and the editor's corpus index (src/core/readAhead.ts): the articles' files read while earlier ones are worked on, handed out
// in the articles' order whatever order the reads end in.
import { strict as assert } from 'node:assert';
import { readAhead } from '../../../src/core';

/** A read per item that ends only when the test says so (`finish`), recording how many are under way. */
function controlledReads() {
  const waiting = new Map<number, (value: string) => void>();
  let running = 0;
  let most = 0;
  const read = (item: number) =>
    new Promise<string>(resolve => {
      running++;
      most = Math.max(most, running);
      waiting.set(item, value => {
        running--;
        resolve(value);
      });
    });
  return {
    read,
    started: () => [...waiting.keys()],
    finish: (item: number) => waiting.get(item)!(`read ${item}`),
    most: () => most,
  };
}

describe('read-ahead', () => {
  it('hands out every item in order, with at most `depth` reads under way, whatever order they end in', async () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const reads = controlledReads();
    const out: string[] = [];
    const consumer = (async () => {
      for await (const [item, value] of readAhead(items, reads.read, 3)) out.push(`${item}: ${value}`);
    })();
    // the reads end last first, each batch once it is under way
    const ended = new Set<number>();
    while (ended.size < items.length) {
      await new Promise(resolve => setImmediate(resolve));
      const open = reads.started().filter(i => !ended.has(i));
      for (const i of open.reverse()) {
        ended.add(i);
        reads.finish(i);
      }
    }
    await consumer;
    assert.deepEqual(
      out,
      items.map(i => `${i}: read ${i}`),
    );
    assert.equal(reads.most(), 3);
  });

  it('a read that rejects is handed out where its item is; one left behind by a consumer that stopped is no unhandled rejection', async () => {
    let unhandled = 0;
    const onUnhandled = () => unhandled++;
    process.on('unhandledRejection', onUnhandled);
    try {
      const read = (i: number) => (i === 2 || i === 4 ? Promise.reject(new Error(`no ${i}`)) : Promise.resolve(i));
      const seen: number[] = [];
      await assert.rejects(
        (async () => {
          for await (const [item] of readAhead([0, 1, 2, 3, 4, 5], read, 4)) seen.push(item);
        })(),
        /no 2/,
      );
      assert.deepEqual(seen, [0, 1]);
      // item 4's read was started (depth 4 past item 1) and rejected with nobody awaiting it: give the process the turn
      // in which Node reports unhandled rejections
      await new Promise(resolve => setImmediate(resolve));
      await new Promise(resolve => setImmediate(resolve));
      assert.equal(unhandled, 0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('no items: nothing handed out, nothing read', async () => {
    let reads = 0;
    for await (const _ of readAhead([], async () => reads++)) assert.fail('an item was handed out');
    assert.equal(reads, 0);
  });
});
