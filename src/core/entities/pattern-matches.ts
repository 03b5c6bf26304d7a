// Where the name patterns (propagate.ts) match each line, memoised with the line's tokens: a tree of the patterns'
// words, matched at the line's capitalised tokens, and the memo carried from one set of patterns to the next.
import type { LineInfo, PatternMatch } from './lines';
import type { Token } from './tokenize';
import { isNameWord } from './mention-set';

// Where the patterns match a line is memoised with the line (LineInfo.matches) for one generation of patterns: a call
// whose patterns differ from the previous call's starts a new generation. The memo's entries at a token depend only on
// the patterns sharing that token's word, in their order: a line whose memo is of an earlier generation keeps its
// entries at the tokens whose word starts no pattern that changed since, and only the others are matched again (a
// line the regrouping of an edit does not visit may lag several generations behind). Typing a name then matches
// again only the tokens holding its words, not the whole article. Module-wide: lines are shared by every article
// that has them.
let generation = 0;
/** Per first word, its patterns' words in order, as of generation `generation`. */
let lastPatterns: ReadonlyMap<string, readonly { words: readonly string[] }[]> = new Map();
/** The first words whose patterns changed from generation `generation - 1` to `generation`. */
let changedWords = new Set<string>();
/** The generation the patterns were last changed in place into (from the previous generation's, under `changedWords`). */
let changedInPlaceAt = -1;
/** Per first word, the last generation its patterns changed in (since `floor`). */
const changedIn = new Map<string, number>();
/** A memo of a generation before this one is matched again whole (its changes were too many to note, or forgotten). */
let floor = 0;
/** Past this many changed first words, checking each line's words costs about as much as matching them again. */
const MAX_CHANGED_WORDS = 64;
/** First words noted in `changedIn` before it is forgotten (every older memo is then matched again whole). */
const MAX_NOTED_WORDS = 50000;
/**
 * The patterns' tree (see wordTree) of an earlier generation, and the first words whose patterns changed since: it is
 * patched root by root when next needed (dropped, to be made again whole, past MAX_CHANGED_WORDS of them).
 */
let lastTree: Map<string, WordNode> | null = null;
const treeChanged = new Set<string>();
/** Per first word, the root its last patch replaced (kept for an undo: made again only when its words differ). */
const spares = new Map<string, WordNode>();

/**
 * Moves to a new generation when the patterns' words differ from the previous call's. `changedInPlace`: the first
 * words whose lists were changed in `patterns` since they were the previous call's (the same map, changed in place
 * by a regrouping); used only when they were, else the words are compared.
 */
export function advance(patterns: ReadonlyMap<string, readonly { words: readonly string[] }[]>, changedInPlace?: ReadonlySet<string>): void {
  const changed = new Set<string>();
  const inPlace = changedInPlace !== undefined && patterns === lastPatterns;
  if (inPlace) for (const w of changedInPlace) changed.add(w);
  else {
    for (const [w, list] of patterns) if (!sameWords(lastPatterns.get(w), list)) changed.add(w);
    for (const w of lastPatterns.keys()) if (!patterns.has(w)) changed.add(w);
  }
  lastPatterns = patterns;
  if (changed.size === 0) return;
  generation++;
  changedWords = changed;
  changedInPlaceAt = inPlace ? generation : -1;
  if (changed.size > MAX_CHANGED_WORDS || changedIn.size + changed.size > MAX_NOTED_WORDS) {
    floor = generation;
    changedIn.clear();
  } else for (const w of changed) changedIn.set(w, generation);
  if (lastTree) for (const w of changed) treeChanged.add(w);
  if (treeChanged.size > MAX_CHANGED_WORDS) {
    lastTree = null;
    treeChanged.clear();
  }
}

function sameWords(a: readonly { words: readonly string[] }[] | undefined, b: readonly { words: readonly string[] }[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k].words;
    const y = b[k].words;
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/** Whether `root` was made from patterns of the words of `list`'s, in order. */
function madeOf(root: WordNode, list: readonly { words: readonly string[] }[]): boolean {
  const made = root.made!;
  if (made.length !== list.length) return false;
  for (let k = 0; k < made.length; k++) {
    const x = made[k];
    const y = list[k].words;
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/** The current generation's tree: the last one made with the roots of the first words changed since made again. */
function currentTree(patterns: ReadonlyMap<string, readonly { words: string[] }[]>): Map<string, WordNode> {
  if (!lastTree) return (lastTree = wordTree(patterns));
  if (spares.size > MAX_NOTED_WORDS) spares.clear();
  for (const w of treeChanged) {
    const list = patterns.get(w);
    const was = lastTree.get(w);
    // the root the word had before, when its patterns' words are back to those (a letter typed, then undone)
    const spare = spares.get(w);
    if (list) lastTree.set(w, spare && madeOf(spare, list) ? spare : rootOf(list));
    else lastTree.delete(w);
    if (was) spares.set(w, was);
  }
  treeChanged.clear();
  return lastTree;
}

/**
 * The line's memo brought to the current generation: kept when none of its words starts a pattern that changed since,
 * its entries at the tokens of such words matched again otherwise; false when it must be matched again whole.
 * `holdsChanged`: the line is known to hold such a word (its tokens are checked without searching its text first).
 */
function memoHolds(info: LineInfo, patterns: ReadonlyMap<string, readonly { words: string[] }[]>, holdsChanged = false): boolean {
  const memo = info.matches;
  if (!memo) return false;
  if (memo.generation === generation) return true;
  if (memo.generation < floor) return false;
  if (holdsChanged) memo.list = patched(info, memo.list, memo.generation, currentTree(patterns));
  else if (memo.generation === generation - 1) {
    // a word the line does not hold is none of its tokens (searching the text is faster than looking each token up)
    let holds = true;
    for (const w of changedWords) if (info.text.includes(w)) holds = false;
    if (!holds) {
      for (const i of info.capitals) {
        if (changedWords.has(info.tokens[i].text)) {
          memo.list = patched(info, memo.list, memo.generation, currentTree(patterns));
          break;
        }
      }
    }
  } else {
    for (const i of info.capitals) {
      if ((changedIn.get(info.tokens[i].text) ?? -1) > memo.generation) {
        memo.list = patched(info, memo.list, memo.generation, currentTree(patterns));
        break;
      }
    }
  }
  memo.generation = generation;
  return true;
}

/** The memo's entries (of generation `since`) at the tokens whose word's patterns changed since, matched again. */
function patched(info: LineInfo, list: readonly PatternMatch[], since: number, tree: ReadonlyMap<string, WordNode>): PatternMatch[] {
  const { tokens, capitals } = info;
  const out: PatternMatch[] = [];
  const path: WordNode[] = [];
  let p = 0;
  for (const i of capitals) {
    const word = tokens[i].text;
    const again = (changedIn.get(word) ?? -1) > since;
    // (the entries are in order of their token, each token's together)
    for (; p < list.length && list[p].i === i; p++) if (!again) out.push(list[p]);
    if (again) {
      const root = tree.get(word);
      if (root) matchesAt(tokens, i, root, path, out);
    }
  }
  return out;
}

/**
 * The patterns as a tree of words: a path from a first word down to a node spells a pattern's words, and the node
 * lists which patterns (their index `k` among those sharing the first word) end there. Each token then checks only
 * the patterns its following words can continue, however many names share a first word ("John ...").
 */
interface WordNode {
  next: Map<string, WordNode> | null;
  /** Indices of the patterns ending here, ascending. */
  ends: number[];
  /** A root's patterns' words (each pattern's own array: a surface's words are never changed), as it was made from them. */
  made?: readonly (readonly string[])[];
}

export function wordTree(patterns: ReadonlyMap<string, readonly { words: string[] }[]>): Map<string, WordNode> {
  const roots = new Map<string, WordNode>();
  for (const [first, list] of patterns) roots.set(first, rootOf(list));
  return roots;
}

/** The tree of the patterns sharing a first word. */
function rootOf(list: readonly { words: string[] }[]): WordNode {
  const root: WordNode = { next: null, ends: [], made: list.map(p => p.words) };
  list.forEach((p, k) => {
    let node = root;
    for (let w = 1; w < p.words.length; w++) {
      node.next ??= new Map();
      let child = node.next.get(p.words[w]);
      if (!child) node.next.set(p.words[w], (child = { next: null, ends: [] }));
      node = child;
    }
    node.ends.push(k);
  });
  return root;
}

/**
 * Every place in the line where a pattern's words occur, longest pattern first at each token (line offsets).
 * `work`, when given, counts the tree nodes visited (the work per token, bounded by the longest name's length).
 */
export function matchesIn({ tokens, capitals }: LineInfo, tree: ReadonlyMap<string, WordNode>, work?: { steps: number }): PatternMatch[] {
  const out: PatternMatch[] = [];
  const path: WordNode[] = [];
  for (const i of capitals) {
    const root = tree.get(tokens[i].text);
    if (!root) continue;
    const steps = matchesAt(tokens, i, root, path, out);
    if (work) work.steps += steps;
  }
  return out;
}

/**
 * Pushes onto `out` the matches of the patterns under `root` at token `i`, longest first; the tree nodes visited.
 * `path` is scratch space.
 */
function matchesAt(tokens: readonly Token[], i: number, root: WordNode, path: WordNode[], out: PatternMatch[]): number {
  // the nodes the following tokens lead to; patterns are reported from the deepest (longest) one up
  path.length = 0;
  for (let node: WordNode | undefined = root; node; node = node.next?.get(tokens[i + path.length]?.text ?? '')) {
    path.push(node);
    if (i + path.length >= tokens.length) break;
  }
  for (let d = path.length - 1; d >= 0; d--) {
    if (path[d].ends.length === 0) continue;
    const last = i + d;
    // inside a longer capitalised name ("U.S. Open") it is another name, not this one
    const before = i > 0 ? tokens[i - 1] : null;
    const after = last + 1 < tokens.length ? tokens[last + 1] : null;
    const blocked =
      (before !== null && isNameWord(before) && !tokens[i].sentenceStart && !before.sentenceStart) ||
      (after !== null && isNameWord(after) && !after.sentenceStart);
    for (const k of path[d].ends) out.push({ i, k, last, start: tokens[i].start, end: tokens[last].end, blocked });
  }
  return path.length;
}

/**
 * Whether the line's matches for `patterns` (the current ones, changed in place from the previous generation's under
 * advance's `changedInPlace`) name the same patterns, in the same order and places, as its memo of the previous
 * generation did, the changed words' lists then being `before(word)`: then propagate's visitor finds in the line what
 * it found before. Only the entries at the tokens of the changed words are compared (the others are the memo's own
 * objects, of lists that did not change); false when the memo is of another generation or the patterns were not
 * changed in place (the caller matches the line). The memo is brought forward either way.
 */
export function sameMatches(
  info: LineInfo,
  patterns: ReadonlyMap<string, readonly unknown[]>,
  before: (word: string) => readonly unknown[] | undefined,
): boolean {
  const memo = info.matches;
  if (!memo || memo.generation !== generation - 1 || changedInPlaceAt !== generation || floor === generation) return false;
  const was = memo.list;
  // (the caller knows the line holds a changed word: no search of its text for them first)
  memoHolds(info, patterns as ReadonlyMap<string, readonly { words: string[] }[]>, true);
  const now = memo.list;
  if (now === was) return true;
  const { tokens } = info;
  let p = 0;
  let q = 0;
  while (p < was.length || q < now.length) {
    // (an entry at a token whose word did not change is the memo's own object)
    if (p < was.length && q < now.length && was[p] === now[q]) {
      p++;
      q++;
      continue;
    }
    if (p === was.length || q === now.length) return false;
    const a = was[p++];
    const b = now[q++];
    // (the same pattern at the same token: the same words, so the same place and the same blocking)
    if (a.i !== b.i) return false;
    const word = tokens[a.i].text;
    const then = before(word);
    if (!then || then[a.k] !== patterns.get(word)?.[b.k]) return false;
  }
  return true;
}

/** The line's matches for `patterns`, which must be the current ones (advance): from its memo when that holds. */
export function lineMatches(info: LineInfo, patterns: ReadonlyMap<string, readonly { words: string[] }[]>): PatternMatch[] {
  return memoHolds(info, patterns) ? info.matches!.list : (info.matches = { generation, list: matchesIn(info, currentTree(patterns)) }).list;
}
