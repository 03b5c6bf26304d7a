// Which lines hold each capitalised word, kept with an article's grouping: a line's regrouping (regroup.ts) matches
// again the lines holding a first word whose name patterns changed, and finds them here instead of searching every
// line of the article for the words (a name pattern starts only at a capitalised token). The analyser patches it for
// the line each edit changes while the grouping is kept (analyzeGrouping.ts); an edit of several lines drops the
// grouping, and this with it.
import type { LineInfo } from './lines';

export class LineWords {
  /** Word -> the indices of the lines holding it as a capitalised token, ascending, each once. */
  private readonly byWord = new Map<string, number[]>();

  /** The index of the article's lines, in order. */
  static of(infos: readonly LineInfo[]): LineWords {
    const index = new LineWords();
    // (made in line order: each list is pushed onto, never searched)
    for (let line = 0; line < infos.length; line++) {
      for (const word of capitalWords(infos[line])) {
        const list = index.byWord.get(word);
        if (!list) index.byWord.set(word, [line]);
        else if (list[list.length - 1] !== line) list.push(line);
      }
    }
    return index;
  }

  /** Line `line`, whose tokens were `before`, now has the tokens of `after`. */
  replace(line: number, before: LineInfo, after: LineInfo): void {
    const was = capitalWords(before);
    const now = capitalWords(after);
    for (const word of was) {
      if (now.has(word)) continue;
      const list = this.byWord.get(word);
      const at = list ? indexFrom(list, line) : -1;
      if (!list || list[at] !== line) continue;
      if (list.length === 1) this.byWord.delete(word);
      else list.splice(at, 1);
    }
    for (const word of now) {
      if (was.has(word)) continue;
      const list = this.byWord.get(word);
      if (!list) this.byWord.set(word, [line]);
      else {
        const at = indexFrom(list, line);
        if (list[at] !== line) list.splice(at, 0, line);
      }
    }
  }

  /** The lines holding one of `words` as a capitalised token, ascending, each once. */
  holding(words: Iterable<string>): number[] {
    const lists: number[][] = [];
    for (const word of words) {
      const list = this.byWord.get(word);
      if (list) lists.push(list);
    }
    if (lists.length === 0) return [];
    if (lists.length === 1) return lists[0].slice();
    const all = new Set<number>();
    for (const list of lists) for (const line of list) all.add(line);
    return [...all].sort((a, b) => a - b);
  }
}

/** The distinct words of the line's capitalised tokens. */
function capitalWords({ tokens, capitals }: LineInfo): Set<string> {
  const words = new Set<string>();
  for (const i of capitals) words.add(tokens[i].text);
  return words;
}

/** Index of the first of `list` (ascending) at or after `x`. */
function indexFrom(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
