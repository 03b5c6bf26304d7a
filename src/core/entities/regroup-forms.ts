// What regroup-entities.ts asks of a form whose mentions changed before it updates the entities instead of grouping
// the whole article again: that no other form's candidate full forms change with it (it contains no other form, no
// expansion names it), and that its own chain of full forms has no choice (the same root for all its mentions,
// whatever the order). Both read buildEntities' index of the forms as it was before the change, and check the other
// changed forms themselves (they are not in it yet).
import { isShortFormOf } from './build';
import type { Form, FormIndex, Group } from './form-index';

/** A form whose mentions changed: how many it had and has. */
export interface Changed {
  form: Form;
  before: number;
  after: number;
  /** The root of its mentions (before and after), when the same for all. */
  root?: Form;
  /** It may be a candidate full form of others (then its place in the order of first mention must stay). */
  listed?: boolean;
  /** Not changed itself, but its candidate full forms are (one came or went): its mentions' entities are decided again. */
  relisted?: boolean;
  /** One of its mentions is before the first changed one (its first mention stays). */
  early?: boolean;
  /** Its candidate full forms. */
  list?: readonly Form[];
  /** The index of its first new mention in the new mentions (for one that came). */
  firstNew?: number;
  /** The entities of its mentions before and after (when they may be several). */
  was?: Set<Group>;
  now?: Set<Group>;
}

/**
 * Whether `f` is a candidate full form of no form, whatever the order of the mentions: it contains no other form (of
 * those before or after the change), and no expansion names it.
 */
export function candidateOfNone(f: Form, changed: ReadonlyMap<Form, Changed>, index: FormIndex, expansions: ReadonlyMap<string, string>): boolean {
  if (expansions.size > 0) {
    if (expansions.has(f.surface)) return false;
    for (const full of expansions.values()) if (full === f.surface) return false;
  }
  if (f.type === 'place') return true;
  const words = f.words;
  const n = words.length;
  for (const c of changed.keys()) if (c !== f && c.type === f.type && isShortFormOf(f.type, words, c.words)) return false;
  // a shorter form it contains: a person's any run of its words, an organization's first words or last word
  if (f.type === 'organization') {
    for (let to = 1; to < n; to++) if (index.hasName(f.type, words, 0, to)) return false;
    return n < 2 || !index.hasName(f.type, words, n - 1, n);
  }
  for (let len = 1; len < n; len++) for (let from = 0; from + len <= n; from++) if (index.hasName(f.type, words, from, from + len)) return false;
  return true;
}

/** The forms (before the change) that `f` contains: those whose candidate full forms it may be among. */
export function containedForms(f: Form, index: FormIndex): Form[] {
  const out: Form[] = [];
  const words = f.words;
  const n = words.length;
  const add = (from: number, to: number) => {
    for (const g of index.formsNamed(f.type, words, from, to) ?? []) if (!out.includes(g)) out.push(g);
  };
  if (f.type === 'place') return out;
  if (f.type === 'organization') {
    for (let to = 1; to < n; to++) add(0, to);
    if (n >= 2) add(n - 1, n);
    return out;
  }
  for (let len = 1; len < n; len++) for (let from = 0; from + len <= n; from++) add(from, from + len);
  return out;
}

/**
 * The root of `f`'s mentions when its chain of full forms (buildEntities' parentOf, at most five steps) has no choice
 * anywhere, and none of the changed forms is on it; null when there is a choice on the way (the last sightings decide
 * per mention); else undefined.
 */
export function rootOf(f: Form, changed: ReadonlyMap<Form, Changed>, index: FormIndex, expansions: ReadonlyMap<string, string>): Form | null | undefined {
  let r = f;
  for (let step = 0; ; step++) {
    const list = fullForms(r, changed, index, expansions);
    if (!list || (list.length === 1 && step === 5)) return undefined;
    if (list.length > 1) return null;
    if (list.length === 0) return r;
    r = list[0];
  }
}

/**
 * buildEntities' candidatesOf(f) from the index (the forms before the change), or undefined when a changed form or an
 * expansion could make it another.
 */
export function fullForms(
  f: Form,
  changed: ReadonlyMap<Form, Changed>,
  index: FormIndex,
  expansions: ReadonlyMap<string, string>,
): readonly Form[] | undefined {
  if (expansions.size > 0 && expansions.has(f.surface)) return undefined;
  if (f.type === 'place' || f.words.length === 0) return [];
  const words = f.words;
  for (const c of changed.keys()) if (c !== f && c.type === f.type && isShortFormOf(f.type, c.words, words)) return undefined;
  let pool: readonly Form[] | undefined;
  for (const w of words) {
    const list = index.containing(f.type, w);
    if (!list) return [];
    if (!pool || list.length < pool.length) pool = list;
  }
  const list: Form[] = [];
  for (const c of pool!) {
    if (c.words.length <= words.length || (list.length > 0 && c.words.length < list[0].words.length)) break;
    if (isShortFormOf(f.type, c.words, words)) list.push(c);
  }
  return list;
}

/**
 * The relisted forms' candidate full forms made again from the index (patched for the forms that came and went), and
 * their roots. A full form that came is put after the others first seen before its first mention (the others' order
 * stands: their first mentions did not change), as buildEntities' order of first mention has it. False when unsure
 * (two that came in one list, one whose mentions changed and whose first mention may have, a form left with none, a
 * chain longer than buildEntities walks).
 */
export function relist(
  relisted: ReadonlyMap<Form, Changed>,
  changed: ReadonlyMap<Form, Changed>,
  index: FormIndex,
  expansions: ReadonlyMap<string, string>,
  /** Each mention's form, in order. */
  forms: readonly Form[],
  /** The index of the first changed mention. */
  unchangedBefore: number,
  token: object,
  contested: Form[],
  epoch: object,
): boolean {
  const lists: Form[][] = [];
  const members = new Set<Form>();
  const none = new Map<Form, Changed>();
  let end = unchangedBefore;
  for (const g of relisted.keys()) {
    const list = fullForms(g, none, index, expansions);
    if (!list || list.length === 0) return false;
    let came = 0;
    for (const x of list) {
      const c = changed.get(x);
      if (c && c.before === 0) {
        came++;
        end = Math.max(end, c.firstNew!);
      } else members.add(x);
    }
    if (came > 1) return false;
    lists.push(list.slice());
  }
  const firstAt = new Map<Form, number>();
  for (let k = 0; k < end && firstAt.size < members.size; k++) {
    const f = forms[k];
    if (members.has(f) && !firstAt.has(f)) firstAt.set(f, k);
  }
  // (one whose mentions changed keeps its place if its first mention is before the changed ones)
  for (const x of members) if (changed.has(x) && !((firstAt.get(x) ?? end) < unchangedBefore)) return false;
  let i = 0;
  for (const g of relisted.keys()) {
    const list = lists[i++];
    const came = list.findIndex(x => changed.get(x)?.before === 0);
    if (came >= 0) {
      const [f] = list.splice(came, 1);
      const cut = changed.get(f)!.firstNew!;
      let at = 0;
      while (at < list.length && (firstAt.get(list[at]) ?? cut) < cut) at++;
      list.splice(at, 0, f);
    }
    g.candidates = list;
    g.candidatesRun = -1;
    g.changedIn = token;
    if (list.length > 1) {
      g.root = undefined;
      for (const x of list) {
        if (x.contested === epoch) continue;
        x.contested = epoch;
        contested.push(x);
      }
      continue;
    }
    // one full form: its root, if its chain is short enough for buildEntities' walk from here
    let depth = 1;
    for (let x = list[0]; x.candidates !== undefined && x.candidates.length === 1; x = x.candidates[0]) if (++depth >= 5) return false;
    g.root = list[0].root;
  }
  return true;
}
