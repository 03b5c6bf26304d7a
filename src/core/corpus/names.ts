// How names compare across articles: spaces collapsed (no-break spaces too, as within an article) and case
// folded, so "Vladimir\u00a0Putin" and "vladimir putin" are one key.
import { nameWords, normalise } from '../entities';
import type { EntityType } from '../types';

/** The comparison key of a name: spaces collapsed, trimmed, lower case. */
export const nameKey = (name: string): string => normalise(name).trim().toLowerCase();

/** A name as shown and stored: spaces collapsed and trimmed, case kept. */
export const displayName = (name: string): string => normalise(name).trim();

/** What indexing needs of a surface form, worked out once per distinct form (a corpus repeats its names thousands of times). */
export interface NameForms {
  display: string;
  /** nameKey of the display form. */
  key: string;
  // `type NUL key` per type (by slotOf: person, place, organization), made once (shared strings: the index's maps
  // hash each only once); fields, not a list or a record (one object fewer per distinct surface form of the process)
  node0: string | undefined;
  node1: string | undefined;
  node2: string | undefined;
  // the number of each of those nodes (nodeNumber), -1 until asked for: fields, not a list (a list is one more
  // object per distinct surface form of the process)
  number0: number;
  number1: number;
  number2: number;
  /** The alias lists of an entity whose only alias this is, made once (shared: never modified). */
  alone?: { aliases: readonly string[]; keys: readonly string[]; nodes: readonly string[] };
  /** nameWords(display), once looked up (shared: never modified). */
  words?: string[];
  // `type:key` per type: the id of a corpus entity named by this form, made once (as node0-2)
  id0: string | undefined;
  id1: string | undefined;
  id2: string | undefined;
  /** initialsOf(display) (./linkRules.ts), once worked out (shared: never modified). */
  initials?: string[];
  /** The letters of the display form when it is an acronym (./linkRules.ts acronymLetters), '' when not: once worked out. */
  acronym: string | undefined;
}
const forms = new Map<string, NameForms>();
/**
 * Words of Latin letters (ASCII, and the precomposed ones of Latin-1 and Latin Extended-A and B: "Erdoğan", "Zoë")
 * and ASCII digits, one space apart: most names. What displayName, nameKey and nameWords give for such a name follows
 * without them: the name itself, its lower case, and that split at the spaces (a test checks). The index works out
 * every distinct name of a corpus when a session starts, before any of this code is optimised: the tokenizer run for
 * each showed in its profile.
 */
const PLAIN_NAME = /^[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+(?: [A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)*$/;
const wordsOf = new Map<string, string[]>();
// a bound on the memo: a long editing session sees names come and go; past it the memo starts again
const MEMO_LIMIT = 200_000;

export function nameForms(surface: string): NameForms {
  let f = forms.get(surface);
  if (!f) {
    if (forms.size >= MEMO_LIMIT) forms.clear();
    // most names are plain (PLAIN_NAME): their display form is themselves, their key one lower-casing
    const plain = PLAIN_NAME.test(surface);
    const display = plain ? surface : displayName(surface);
    const key = plain ? surface.toLowerCase() : nameKey(display);
    f = {
      display,
      key,
      node0: undefined,
      node1: undefined,
      node2: undefined,
      number0: -1,
      number1: -1,
      number2: -1,
      alone: undefined,
      words: undefined,
      id0: undefined,
      id1: undefined,
      id2: undefined,
      initials: undefined,
      acronym: undefined,
    };
    forms.set(surface, f);
  }
  return f;
}

/** nameWords of a display name, memoised (the result is shared: never modify it). */
export function memoNameWords(name: string): string[] {
  let w = wordsOf.get(name);
  if (!w) {
    if (wordsOf.size >= MEMO_LIMIT) wordsOf.clear();
    wordsOf.set(name, (w = PLAIN_NAME.test(name) ? name.toLowerCase().split(' ') : nameWords(name)));
  }
  return w;
}

/** The linking's node of a name's forms for `type`: `type NUL key` (see members.ts nodeKey). */
export function nodeOf(f: NameForms, type: EntityType): string {
  const slot = slotOf(type);
  const known = slot === 0 ? f.node0 : slot === 1 ? f.node1 : f.node2;
  if (known !== undefined) return known;
  const node = `${type}\u0000${f.key}`;
  if (slot === 0) f.node0 = node;
  else if (slot === 1) f.node1 = node;
  else f.node2 = node;
  return node;
}

/**
 * A type's slot in NameForms' per-type lists: compared, not looked up (a record read by a type string is a keyed
 * lookup, which hashes a type string the analysis or a sidecar's parse made, every time).
 */
const slotOf = (type: EntityType): 0 | 1 | 2 => (type === 'person' ? 0 : type === 'place' ? 1 : 2);

// Every node (`type NUL key`) a linker has held in this process gets a number, kept for the process's life (never
// cleared: a linker made before a clear would hold numbers given again to other nodes), so a linker keeps its names
// in a list indexed by number instead of a map it fills again on every build. The table holds the distinct names the
// process has indexed (tens of thousands for a large corpus, a few MiB).
const numbers = new Map<string, number>();
/** The node of each number. */
const numbered: string[] = [];

/** The number of a node (`type NUL key`), given on first ask. */
export function numberOfNode(node: string): number {
  let id = numbers.get(node);
  if (id === undefined) {
    id = numbered.length;
    numbers.set(node, id);
    numbered.push(node);
  }
  return id;
}

/** The numbers in node order (code units), and each number's place in it, as of `ranked.length` numbers given. */
let ranked: number[] = [];
let ranks = new Int32Array(0);

/**
 * Each node number's place among every numbered node in code-unit order of the nodes (type, then key: no type name
 * is a prefix of another). Kept across builds, so a build orders its names by placing them, not by comparing keys;
 * the numbers given since are sorted and merged in (a first build sorts them all, once).
 */
export function nodeRanks(): Int32Array {
  const total = numbered.length;
  if (ranked.length === total) return ranks;
  // the new nodes sorted as strings by the engine's own comparison (code units, as compareText), then numbered again
  // through the map: no comparison function called per step (tens of thousands of names when a session starts)
  const nodes = numbered.slice(ranked.length).sort();
  const fresh = new Array<number>(nodes.length);
  for (let i = 0; i < nodes.length; i++) fresh[i] = numbers.get(nodes[i])!;
  const merged = new Array<number>(total);
  let i = 0;
  let k = 0;
  for (let at = 0; at < total; at++)
    merged[at] = k >= fresh.length || (i < ranked.length && numbered[ranked[i]] < numbered[fresh[k]]) ? ranked[i++] : fresh[k++];
  ranked = merged;
  ranks = new Int32Array(total);
  for (let at = 0; at < total; at++) ranks[merged[at]] = at;
  return ranks;
}

/** The number of a node, if one was given (a node never numbered is in no linker). */
export const knownNumberOfNode = (node: string): number | undefined => numbers.get(node);

/** How many nodes have a number (each number is below it). */
export const numberedNodes = (): number => numbers.size;

/** The number of the node of a name's forms for `type` (numberOfNode(nodeOf(f, type))), kept with the forms. */
export function nodeNumber(f: NameForms, type: EntityType): number {
  const slot = slotOf(type);
  const known = slot === 0 ? f.number0 : slot === 1 ? f.number1 : f.number2;
  if (known >= 0) return known;
  const number = numberOfNode(nodeOf(f, type));
  if (slot === 0) f.number0 = number;
  else if (slot === 1) f.number1 = number;
  else f.number2 = number;
  return number;
}

/** The id of a corpus entity of `type` named by these forms: `type:key` (see CorpusEntity.id). */
export function idOf(f: NameForms, type: EntityType): string {
  const slot = slotOf(type);
  const known = slot === 0 ? f.id0 : slot === 1 ? f.id1 : f.id2;
  if (known !== undefined) return known;
  const id = `${type}:${f.key}`;
  if (slot === 0) f.id0 = id;
  else if (slot === 1) f.id1 = id;
  else f.id2 = id;
  return id;
}

// Every word of a linked name gets a number as well, for the process's life (as nodes: never cleared), so the
// linker's word index is a list read by number, not a map filled again key by key on every build.
const words = new Map<string, number>();

/** The number of a word, given on first ask. */
function numberOfWord(word: string): number {
  let id = words.get(word);
  if (id === undefined) {
    id = words.size;
    words.set(word, id);
  }
  return id;
}

/** How many words have a number (each number is below it). */
export const numberedWords = (): number => words.size;

/** The numbers of a name's words (numberOfWord). */
export function wordNumbersOf(words: readonly string[]): number[] {
  // a plain list of small integers (a typed list costs a buffer object besides: tens of thousands of names)
  const out = new Array<number>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = numberOfWord(words[i]);
  return out;
}
