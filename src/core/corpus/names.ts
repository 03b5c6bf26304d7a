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
  /** `type NUL key` per type, made once (shared strings: the index's maps hash each only once). */
  nodes: Partial<Record<EntityType, string>>;
  /** The alias lists of an entity whose only alias this is, made once (shared: never modified). */
  alone?: { aliases: readonly string[]; keys: readonly string[]; nodes: readonly string[] };
  /** nameWords(display), once looked up (shared: never modified). */
  words?: string[];
  /** `type:key` per type: the id of a corpus entity named by this form, made once (as `nodes`). */
  ids: Partial<Record<EntityType, string>>;
  /** initialsOf(display) (./link.ts), once worked out (shared: never modified). */
  initials?: string[];
}
const forms = new Map<string, NameForms>();
const wordsOf = new Map<string, string[]>();
// a bound on the memo: a long editing session sees names come and go; past it the memo starts again
const MEMO_LIMIT = 200_000;

export function nameForms(surface: string): NameForms {
  let f = forms.get(surface);
  if (!f) {
    if (forms.size >= MEMO_LIMIT) forms.clear();
    const display = displayName(surface);
    f = { display, key: nameKey(display), nodes: {}, alone: undefined, words: undefined, ids: {}, initials: undefined };
    forms.set(surface, f);
  }
  return f;
}

/** nameWords of a display name, memoised (the result is shared: never modify it). */
export function memoNameWords(name: string): string[] {
  let w = wordsOf.get(name);
  if (!w) {
    if (wordsOf.size >= MEMO_LIMIT) wordsOf.clear();
    wordsOf.set(name, (w = nameWords(name)));
  }
  return w;
}

/** The linking's node of a name's forms for `type`: `type NUL key` (see members.ts nodeKey). */
export function nodeOf(f: NameForms, type: EntityType): string {
  return (f.nodes[type] ??= `${type}\u0000${f.key}`);
}

/** The id of a corpus entity of `type` named by these forms: `type:key` (see CorpusEntity.id). */
export function idOf(f: NameForms, type: EntityType): string {
  return (f.ids[type] ??= `${type}:${f.key}`);
}
