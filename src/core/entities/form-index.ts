// buildEntities' index of the multi-word forms by type and word (which full names contain a word), kept across the
// groupings of one article: an edit changes a few forms, so the index is patched for the forms that appeared or
// vanished instead of being built again from every form, and a form's candidate full forms are kept while none of
// the lists they came from changed. The lists are exactly what a fresh build gives: per word, the forms containing
// it, longest first, then in order of first mention.
import type { Entity, EntityType } from '../types';
import type { Working } from './mention-set';

/** One surface with one type in a grouping (build.ts). */
export interface Form {
  /** The grouping that uses it (a form from an earlier one is reset before use). */
  epoch: object;
  surface: string;
  type: EntityType;
  words: readonly string[];
  /** Its first mention's index in the grouping's mentions. */
  first: number;
  /** Its place in the grouping's forms, in order of first mention. */
  rank: number;
  lastSeen: number;
  /** The longest forms containing it; valid while `candidatesRun` is current (see FormIndex.candidatesHold). */
  candidates?: Form[];
  candidatesRun: number;
  /** Its root, when that does not depend on the mentions seen before. */
  root?: Form;
  group?: Group;
  joined?: Group;
  /** Its group in an earlier grouping, used again when it is a root again. */
  keptGroup?: Group;
  /** In the FormIndex's lists now. */
  indexed: boolean;
  /** Its mentions in the grouping (a regrouping after an edit counts the edited lines' in and out). */
  count: number;
  /** Its type and words as one string (FormIndex.hasName's key), made on first need. */
  key?: string;
  /** Counted under `key` in the FormIndex now. */
  named: boolean;
  /** The grouping (epoch) in which it is one of several candidates of a form (their last sightings decide). */
  contested?: object;
  /** The regrouping (regroup-entities.ts) whose changed forms include it. */
  changedIn?: object;
  /** Its most recently seen candidate in the walk `choiceIn` (regroup-walk.ts). */
  choice?: Form;
  choiceIn?: object;
  /** The forms with a choice it is a candidate of, in the walk `chosenByIn` (regroup-walk.ts). */
  chosenBy?: Form[];
  chosenByIn?: object;
}

/** A form not yet in any grouping's order (`first` and `rank` are set by its user). */
export function newForm(epoch: object, surface: string, type: EntityType, words: readonly string[]): Form {
  return {
    epoch,
    surface,
    type,
    words,
    first: -1,
    rank: 0,
    lastSeen: -1,
    candidates: undefined,
    candidatesRun: -1,
    root: undefined,
    group: undefined,
    joined: undefined,
    keptGroup: undefined,
    indexed: false,
    count: 0,
    key: undefined,
    named: false,
    contested: undefined,
    changedIn: undefined,
    choice: undefined,
    choiceIn: undefined,
    chosenBy: undefined,
    chosenByIn: undefined,
  };
}

export interface Group {
  entity: Entity;
  /** The surfaces of its mentions (a surface may repeat: buildEntities sorts them and drops the repeats). */
  surfaces: string[];
  canonical: Form;
  /** Its first mention (the entities are in their order). */
  first?: Working;
}

/** The forms of one type containing one word, longest first, then in order of first mention. */
interface WordList {
  forms: Form[];
  /** The grouping (FormIndex.run) that last changed the list. */
  changed: number;
}

/** Past this share of forms appearing or vanishing, building the index again costs less than patching it. */
const PATCH_SHARE = 0.25;

/** A form's type and words as one key (words hold no control characters). */
const nameKey = (type: EntityType, words: readonly string[], from = 0, to = words.length): string => {
  let key = type;
  for (let k = from; k < to; k++) key += '\u0001' + words[k];
  return key;
};

const byLengthThenRank = (a: Form, b: Form) => b.words.length - a.words.length || a.rank - b.rank;

export class FormIndex {
  private byType = new Map<EntityType, Map<string, WordList>>();
  /** The multi-word forms in the lists, in order of first mention as of the grouping that updated them last. */
  private indexed: Form[] = [];
  /** Groupings (update and patch calls) so far. */
  private run = 0;
  /** Every form (of any length) by its key: the forms of a type with exactly these words. */
  private names = new Map<string, Form[]>();
  /** The forms counted in `names` (those of the last update, then the ones patch added: some may be gone since). */
  private named: Form[] = [];
  /** The grouping that built the lists from scratch last: a candidate list from before it is stale. */
  private rebuilt = 0;

  /** Brings the lists to this grouping's forms (`forms`: all of them, ranked in order of first mention; `epoch`: theirs). */
  update(forms: readonly Form[], epoch: object): void {
    this.run++;
    for (const f of this.named) if (f.named && f.epoch !== epoch) this.unname(f);
    for (const f of forms) if (!f.named) this.name(f);
    this.named = forms.slice();
    const multi: Form[] = [];
    for (const f of forms) if (f.words.length >= 2) multi.push(f);
    // the forms kept from the last grouping must be in the same order (else lists sorted by the old order are not
    // sorted by the new one: built again)
    let ordered = this.run > 1;
    let last = -1;
    let kept = 0;
    for (const f of this.indexed) {
      if (f.epoch !== epoch) continue;
      if (f.rank <= last) {
        ordered = false;
        break;
      }
      last = f.rank;
      kept++;
    }
    const changes = this.indexed.length - kept + (multi.length - kept);
    if (!ordered || changes > PATCH_SHARE * multi.length + 16) {
      this.rebuild(multi);
      return;
    }
    for (const f of this.indexed) if (f.epoch !== epoch) this.remove(f);
    for (const f of multi) if (!f.indexed) this.insert(f);
    this.indexed = multi;
  }

  /**
   * After a regrouping that did not go through `update`: the forms that came (a form coming twice is one thing) and
   * went. Those that came are ranked after every other (their place in the order of first mention is not known here:
   * the next update then finds the lists out of order and builds them again).
   */
  patch(came: readonly Form[], went: readonly Form[]): void {
    this.run++;
    for (const f of went) {
      if (f.named) this.unname(f);
      if (f.indexed) {
        this.remove(f);
        this.indexed.splice(this.indexed.indexOf(f), 1);
      }
    }
    for (const f of came) {
      if (!f.named) {
        this.name(f);
        this.named.push(f);
      }
      if (f.words.length >= 2 && !f.indexed) {
        f.rank = Number.MAX_SAFE_INTEGER;
        this.insert(f);
        this.indexed.push(f);
      }
    }
  }

  /** Whether a form of `type` has exactly `words[from, to)` (as its name words). */
  hasName(type: EntityType, words: readonly string[], from: number, to: number): boolean {
    return this.names.has(nameKey(type, words, from, to));
  }

  /** The forms of `type` with exactly `words[from, to)` (as their name words). */
  formsNamed(type: EntityType, words: readonly string[], from: number, to: number): readonly Form[] | undefined {
    return this.names.get(nameKey(type, words, from, to));
  }

  /** The multi-word forms of `type` containing `word`. */
  containing(type: EntityType, word: string): readonly Form[] | undefined {
    return this.byType.get(type)?.get(word)?.forms;
  }

  /** Whether `f.candidates`, computed at `f.candidatesRun`, is what the lists give now. */
  candidatesHold(f: Form): boolean {
    if (f.candidates === undefined || f.candidatesRun < this.rebuilt) return false;
    const lists = this.byType.get(f.type);
    for (const w of f.words) {
      const list = lists?.get(w);
      if (list && list.changed > f.candidatesRun) return false;
    }
    return true;
  }

  /** The current grouping's number, for `candidatesRun`. */
  get current(): number {
    return this.run;
  }

  private rebuild(multi: Form[]): void {
    for (const f of this.indexed) f.indexed = false;
    this.byType = new Map();
    this.rebuilt = this.run;
    for (const f of multi) {
      f.indexed = true;
      const lists = this.listsOf(f.type);
      for (let k = 0; k < f.words.length; k++) {
        const w = f.words[k];
        if (f.words.indexOf(w) !== k) continue; // once per form
        const list = lists.get(w);
        if (list) list.forms.push(f);
        else lists.set(w, { forms: [f], changed: this.run });
      }
    }
    // in order of first mention already: sorted by length (stably) where a list is not
    for (const lists of this.byType.values()) {
      for (const list of lists.values()) {
        const forms = list.forms;
        for (let k = 1; k < forms.length; k++) {
          if (forms[k].words.length > forms[k - 1].words.length) {
            forms.sort(byLengthThenRank);
            break;
          }
        }
      }
    }
    this.indexed = multi;
  }

  private insert(f: Form): void {
    f.indexed = true;
    const lists = this.listsOf(f.type);
    for (let k = 0; k < f.words.length; k++) {
      const w = f.words[k];
      if (f.words.indexOf(w) !== k) continue;
      let list = lists.get(w);
      if (!list) lists.set(w, (list = { forms: [], changed: this.run }));
      const forms = list.forms;
      let lo = 0;
      let hi = forms.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byLengthThenRank(forms[mid], f) < 0) lo = mid + 1;
        else hi = mid;
      }
      forms.splice(lo, 0, f);
      list.changed = this.run;
    }
  }

  private remove(f: Form): void {
    f.indexed = false;
    const lists = this.byType.get(f.type)!;
    for (let k = 0; k < f.words.length; k++) {
      const w = f.words[k];
      if (f.words.indexOf(w) !== k) continue;
      const list = lists.get(w)!;
      list.forms.splice(list.forms.indexOf(f), 1);
      list.changed = this.run;
    }
  }

  private name(f: Form): void {
    f.named = true;
    const key = (f.key ??= nameKey(f.type, f.words));
    const list = this.names.get(key);
    if (list) list.push(f);
    else this.names.set(key, [f]);
  }

  private unname(f: Form): void {
    f.named = false;
    const key = f.key!;
    const list = this.names.get(key)!;
    if (list.length > 1) list.splice(list.indexOf(f), 1);
    else this.names.delete(key);
  }

  private listsOf(type: EntityType): Map<string, WordList> {
    let lists = this.byType.get(type);
    if (!lists) this.byType.set(type, (lists = new Map()));
    return lists;
  }
}
