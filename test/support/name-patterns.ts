// Name patterns as propagation builds them (src/core/entities/propagate.ts), made from plain word lists for the tests
// of the matching step and of the memo brought forward across generations of patterns.

export type Patterns = Map<string, { words: string[] }[]>;

/** Patterns grouped by first word, longest first, in the order given otherwise (as propagate builds them). */
export function patternsOf(names: readonly string[][]): Patterns {
  const out: Patterns = new Map();
  for (const words of names) {
    const list = out.get(words[0]);
    if (list) list.push({ words });
    else out.set(words[0], [{ words }]);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}
