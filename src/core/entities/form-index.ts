// buildEntities' index of the multi-word forms by type and word (which full names contain a word), kept across the
// groupings of one article: an edit changes a few forms, so the index is patched for the forms that appeared or
// vanished instead of being built again from every form, and a form's candidate full forms are kept while none of
// the lists they came from changed. The lists are exactly what a fresh build gives: per word, the forms containing
// it, longest first, then in order of first mention.
import type { Entity, EntityType } from '../types';

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
}

export interface Group {
  entity: Entity;
  /** The surfaces of its mentions (a surface may repeat: buildEntities sorts them and drops the repeats). */
  surfaces: string[];
  canonical: Form;
}

/** The forms of one type containing one word, longest first, then in order of first mention. */
interface WordList {
  forms: Form[];
  /** The grouping (FormIndex.run) that last changed the list. */
  changed: number;
}

/** Past this share of forms appearing or vanishing, building the index again costs less than patching it. */
const PATCH_SHARE = 0.25;

const byLengthThenRank = (a: Form, b: Form) => b.words.length - a.words.length || a.rank - b.rank;

export class FormIndex {
  private byType = new Map<EntityType, Map<string, WordList>>();
  /** The multi-word forms in the lists, in order of first mention as of the grouping that updated them last. */
  private indexed: Form[] = [];
  /** Groupings (update calls) so far. */
  private run = 0;
  /** The grouping that built the lists from scratch last: a candidate list from before it is stale. */
  private rebuilt = 0;

  /** Brings the lists to this grouping's forms (`forms`: all of them, ranked in order of first mention; `epoch`: theirs). */
  update(forms: readonly Form[], epoch: object): void {
    this.run++;
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

  private listsOf(type: EntityType): Map<string, WordList> {
    let lists = this.byType.get(type);
    if (!lists) this.byType.set(type, (lists = new Map()));
    return lists;
  }
}
