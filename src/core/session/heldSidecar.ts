// The sidecar an article session holds in memory and the text it follows: typing moves its spans (in place where
// nobody else has seen them), analyses replace it, and its hash is filled in only when something needs it (hashing
// a 1.5 MB article costs about 20 ms). ArticleSession (./session.ts) decides when each happens.
import { sha256Hex } from '../hash';
import type { ReconcileOutput } from '../sidecar/reconcile';
import { applyTextChangesOwned, type OwnedAnnotations, type TextChange } from '../sidecar/textChanges';
import type { Sidecar } from '../sidecar/types';
import type { TextAt } from './options';

export class HeldSidecar {
  private current: Sidecar | null = null;
  /**
   * Which of current's annotations typing made and nobody else has seen (not read through `handOut`, saved, kept for
   * undo): the next change event moves them in place instead of copying them. Dropped whenever current is handed out.
   */
  private owned: OwnedAnnotations | undefined;
  /** The text the sidecar's offsets follow (undefined: not analyzed since loading). */
  text: string | undefined;
  /** The version given with `text` (-1: none). */
  version = -1;
  /**
   * The text current.document.sha256 is the hash of, when known (undefined: loaded, restored from the history, or
   * reset). Typing and the analyses after it leave that hash as it is, so it names an older text until a save (or
   * `hashed`) hashes the text it follows.
   */
  private hashedText: string | undefined;
  /** The editor version of the text the sidecar is the analysis of (undefined once anything changed it). */
  analyzedVersion: number | undefined;
  /** Bumped whenever the sidecar changes but by its hash being filled in: a pending analysis is then stale. */
  revision = 0;

  /** The sidecar, handed out: typing copies what it moves from now on. */
  handOut(): Sidecar | null {
    this.owned = undefined;
    return this.current;
  }

  /** The sidecar without handing it out: for reading it at once, never for keeping it. */
  peek(): Sidecar | null {
    return this.current;
  }

  /** handOut, with document.sha256 naming the text it follows: hashed now (the core's hash) when typing changed it. */
  hashed(): Sidecar | null {
    const text = this.text;
    if (this.current && text !== undefined && this.hashedText !== text) {
      this.current = { ...this.current, document: { ...this.current.document, sha256: sha256Hex(text) } };
      this.hashedText = text;
    }
    return this.handOut();
  }

  /** Holds `sidecar` (loaded, restored from the history, or nothing) for no known text. */
  replace(sidecar: Sidecar | null): void {
    this.current = sidecar;
    this.revision++;
    this.owned = undefined;
    this.text = undefined;
    this.version = -1;
    this.hashedText = undefined;
    this.analyzedVersion = undefined;
  }

  /** A user edit's result, for the same text. */
  edited(sidecar: Sidecar): void {
    this.current = sidecar;
    this.revision++;
  }

  /** Whether the sidecar follows `text` (at `version`, when given: cheaper than comparing the texts). */
  follows(text: string, version: number | undefined): boolean {
    if (this.text === undefined || this.current?.document.length !== text.length) return false;
    return version === undefined ? this.text === text : version === this.version;
  }

  /** What a reconcile for `text` needs: the sidecar now, and whether it is for the text its hash names (when known). */
  reconcileBase(text: string): { previous: Sidecar | undefined; sameText: boolean | undefined } {
    const previous = this.handOut() ?? undefined;
    return { previous, sameText: previous && this.hashedText !== undefined ? this.hashedText === text : undefined };
  }

  /** Holds a reconcile's output for `text`, reconciled with `previous` (reconcileBase). Returns it as held. */
  reconciled(out: ReconcileOutput, text: string, at: TextAt, previous: Sidecar | undefined, sameText: boolean | undefined): ReconcileOutput {
    this.owned = undefined;
    // a hash filled in during the reconcile (`hashed`, a save: the one change a run does not go stale for) names
    // hashedText now, as the reconcile's kept hash does not
    if (sameText !== undefined && this.current !== previous && this.current) {
      out = { sidecar: { ...out.sidecar, document: { ...out.sidecar.document, sha256: this.current.document.sha256 } }, report: out.report };
    }
    this.current = out.sidecar;
    this.revision++;
    this.text = text;
    this.version = at.version ?? -1;
    if (sameText === undefined) this.hashedText = text;
    // with options of its own (a one-off analysis) it is not the analysis a save would make
    this.analyzedVersion = at.options === undefined ? at.version : undefined;
    return out;
  }

  /** Moves the spans along with edits to the text; false when the sidecar does not follow the text before them. */
  textChanged(newText: string, changes: readonly TextChange[], version: number | undefined, now: string): boolean {
    if (!this.current || this.text === undefined) return false;
    const delta = changes.reduce((n, c) => n + c.text.length - (c.end - c.start), 0);
    if (this.current.document.length + delta !== newText.length) {
      this.text = undefined; // out of step: leave it to the next analysis
      return false;
    }
    const moved = applyTextChangesOwned(this.current, newText, changes, now, this.owned);
    this.current = moved.sidecar;
    this.revision++;
    this.owned = moved.owned;
    this.text = newText;
    this.version = version ?? -1;
    this.analyzedVersion = undefined;
    return true;
  }

  /** What a save writes, taken when it begins (typing may go on while it waits): the sidecar, handed out, and its text. */
  saveTarget(): { held: Sidecar | null; text: string | undefined } {
    return { held: this.handOut(), text: this.text };
  }

  /**
   * `held` (saveTarget) with its hash naming `text`: hashed by `hashText` when typing changed it since the last hash;
   * the sidecar in memory gets the hash too, unless typing went on meanwhile.
   */
  async withHash(held: Sidecar, text: string | undefined, hashText: (text: string) => string | Promise<string>): Promise<Sidecar> {
    if (text === undefined || this.hashedText === text) return held;
    const sha256 = await hashText(text);
    if (this.current === held) {
      this.current = { ...held, document: { ...held.document, sha256 } };
      this.hashedText = text;
      return this.current;
    }
    // the corpus filled in the same hash meanwhile (`hashed`): that one is written, so the session counts as saved
    if (this.current && this.hashedText === text && onlyHashed(this.current, held)) return this.current;
    // typing went on: the sidecar in memory is for a newer text (hashed by the next save); this save writes the one asked for
    return { ...held, document: { ...held.document, sha256 } };
  }
}

/** `now` is `held` with only its hash filled in (as `hashed` does): every other field the same value or object. */
function onlyHashed(now: Sidecar, held: Sidecar): boolean {
  const same = <T extends object>(a: T, b: T, skip: keyof T) => {
    const keys = Object.keys(a) as (keyof T)[];
    return keys.length === Object.keys(b).length && keys.every(k => k === skip || a[k] === b[k]);
  };
  return same(now, held, 'document') && same(now.document, held.document, 'sha256');
}
