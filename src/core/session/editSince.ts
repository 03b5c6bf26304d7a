// The editor's changes since the session's last analysis, composed into one range: the next analysis is told where
// the text changed (AnalyzerOptions.edit), so the analyzer need not compare the whole article with its previous text.
// Several changes in one event, or a change that does not fit the text followed, leave the range unknown until the
// next analysis (which then compares the texts, as without a range).
import type { TextEdit } from '../analyze';
import type { TextChange } from '../sidecar/textChanges';

export class EditSince {
  /** The text last analysed, and the text after the changes followed since (undefined: the range is unknown). */
  private base: string | undefined;
  private text: string | undefined;
  /** base[start, end) became text[start, start + inserted); the rest is the same. Nothing yet: the empty range at the end. */
  private changes = 0;
  private start = 0;
  private end = 0;
  private inserted = 0;

  /** An analysis of `text` started: changes are followed from it on. */
  analyzed(text: string): void {
    this.base = this.text = text;
    this.start = this.end = text.length;
    this.inserted = 0;
    this.changes = 0;
  }

  /** The changes are no longer followed (the host stops telling them): unknown until the next analysis. */
  forget(): void {
    this.text = undefined;
  }

  /** The text became `newText` by `changes` (one editor change event, offsets in the text before it). */
  changed(newText: string, changes: readonly TextChange[]): void {
    const { base, text } = this;
    if (base === undefined || text === undefined) return;
    // an event without changes (the editor sends them when only the dirty state changed) changes nothing
    if (changes.length === 0 && newText.length === text.length) {
      this.text = newText;
      return;
    }
    const c = changes.length === 1 ? changes[0] : undefined;
    if (!c || !(c.start >= 0 && c.start <= c.end && c.end <= text.length) || text.length - (c.end - c.start) + c.text.length !== newText.length) {
      this.text = undefined;
      return;
    }
    // what is still the same as in `base`: the text before both edits, and after both (the first: its own range)
    const first = this.changes++ === 0;
    const start = first ? c.start : Math.min(this.start, c.start);
    const suffix = first ? text.length - c.end : Math.min(base.length - this.end, text.length - c.end);
    this.start = start;
    this.end = base.length - suffix;
    this.inserted = newText.length - start - suffix;
    this.text = newText;
  }

  /** The edit from the text last analysed to `text`, when the changes followed since lead to it. */
  editTo(text: string): TextEdit | undefined {
    if (this.base === undefined || this.text === undefined || this.text.length !== text.length || this.text !== text) return undefined;
    return { previous: this.base, start: this.start, end: this.end, insertedLength: this.inserted };
  }
}
