// One article, from its stored sidecar to the file written back: load, analyze and reconcile, the user's edits
// with undo and redo, spans kept in step with typing, and saves one at a time. The CLI runs it once per article;
// the editor keeps one per open document. Host concerns (when to analyze, prompts, file locations) stay outside.
import { sha256Hex } from '../hash';
import { analyzeOptionsFor, reconcileSteps, type ReconcileOutput, type ReconcileReport } from '../sidecar/reconcile';
import { applyTextChangesOwned, type OwnedAnnotations, type TextChange } from '../sidecar/textChanges';
import type { Sidecar, SidecarAnnotation, SidecarError } from '../sidecar/types';
import type { AnalysisResult } from '../types';
import { EditHistory } from './history';
import type { ArticleSessionOptions, PendingAnalysis, SidecarChange, TextAt } from './options';
import { oneStep, pendingAnalysis } from './pending';
import { SidecarFile } from './sidecarFile';
import type { DiskState, SaveOutcome, SessionStatus } from './status';

export class ArticleSession {
  private current: Sidecar | null = null;
  /**
   * Which of current's annotations typing made and nobody else has seen (not read through `sidecar`, saved, kept for
   * undo): the next change event moves them in place instead of copying them. Dropped whenever current is handed out.
   */
  private owned: OwnedAnnotations | undefined;
  /** The text the sidecar's offsets follow (undefined: not analyzed since loading). */
  private currentText: string | undefined;
  private currentVersion = -1;
  /**
   * The text current.document.sha256 is the hash of, when known (undefined: loaded, restored from the history, or
   * reset). Typing and the analyses after it leave that hash as it is (hashing a 1.5 MB article costs about 20 ms, and
   * nothing needs it until a save), so it names an older text until save() hashes the text it writes.
   */
  private hashedText: string | undefined;
  /** The editor version of the text the sidecar in memory is the analysis of (undefined once anything changed it). */
  private analyzedVersion: number | undefined;
  private state: SessionStatus = 'idle';
  private isLoaded = false;
  private loading: Promise<boolean> | undefined;
  /** Bumped by reset(), so a load in flight for the forgotten state does not land. */
  private epoch = 0;
  private problem: SidecarError | undefined;
  private changed = false;
  private readonly history = new EditHistory<Sidecar | null>();
  /** Bumped whenever the sidecar in memory changes but by a save filling in its hash: a pending analysis is then stale. */
  private revision = 0;
  /** Bumped by each startAnalysis: an earlier pending analysis is then stale. */
  private runs = 0;
  private readonly file: SidecarFile;
  /** What the last analysis reconciled: manual annotations placed, orphaned, restored. */
  lastReport: ReconcileReport | undefined;

  constructor(private readonly options: ArticleSessionOptions) {
    this.file = new SidecarFile(options.storage, options.sidecarPath, options);
  }

  get status(): SessionStatus {
    return this.state;
  }

  /** The sidecar as held in memory (what the next save writes), or null before the first analysis. */
  get sidecar(): Sidecar | null {
    this.owned = undefined;
    return this.current;
  }

  /**
   * The sidecar in memory with document.sha256 naming the text it follows: hashed now (the core's hash) when typing
   * changed the text since the last hash. For what leaves the session as a description of the article (the corpus
   * index, exports); a save hashes by itself.
   */
  hashedSidecar(): Sidecar | null {
    const text = this.currentText;
    if (this.current && text !== undefined && this.hashedText !== text) {
      this.current = { ...this.current, document: { ...this.current.document, sha256: sha256Hex(text) } };
      this.hashedText = text;
    }
    return this.sidecar;
  }

  /**
   * Whether an annotation in memory passes `test`, without handing the sidecar out (so typing keeps moving its spans
   * in place): for questions asked on every cursor move, such as whether the cursor is on a mention.
   */
  hasAnnotation(test: (a: Readonly<SidecarAnnotation>) => boolean): boolean {
    return this.current?.annotations.some(test) ?? false;
  }

  /** The version given with the text the sidecar follows (-1: none yet). */
  get version(): number {
    return this.currentVersion;
  }

  get sidecarPath(): string {
    return this.file.path;
  }

  /**
   * Whether the sidecar in memory is the analysis of the text at this editor version, nothing having changed it
   * since (no typing, edit, undo or reload): a save of that text then needs no new analysis.
   */
  analyzedAt(version: number): boolean {
    return this.analyzedVersion === version && this.current !== null;
  }

  /** There is a sidecar in memory (loaded or analyzed). */
  get hasSidecar(): boolean {
    return this.current !== null;
  }

  /** The sidecar in memory follows the text (analyzed, then kept in step by textChanged). */
  get followsText(): boolean {
    return this.current !== null && this.currentText !== undefined;
  }

  get loaded(): boolean {
    return this.isLoaded;
  }

  /** Why the stored sidecar could not be used: it is never overwritten, and the sidecar here is a fresh analysis. */
  get loadError(): SidecarError | undefined {
    return this.problem;
  }

  /** The user's changes are not in the file yet (not saved, the save failed or was not allowed). */
  get unsaved(): boolean {
    return this.changed;
  }

  /** The file as last read or written by this session. */
  get disk(): DiskState {
    return this.file.disk;
  }

  undoLabels(): string[] {
    return this.history.undoLabels();
  }

  redoLabels(): string[] {
    return this.history.redoLabels();
  }

  /**
   * Reads the stored sidecar, once (until reset). Resolves true for the call that read it, false when it was
   * already loaded or another call is reading it (so a host reports a load error once).
   */
  async load(): Promise<boolean> {
    if (this.isLoaded) return false;
    if (this.loading) return this.loading.then(() => false);
    const epoch = this.epoch;
    this.state = 'loading';
    this.loading = this.readStored(epoch).finally(() => {
      if (this.epoch === epoch) this.loading = undefined;
    });
    return this.loading;
  }

  private async readStored(epoch: number): Promise<boolean> {
    const loaded = await this.file.read();
    if (epoch !== this.epoch) return false;
    this.isLoaded = true;
    this.problem = loaded.status === 'error' ? loaded.error : undefined;
    this.file.loaded(loaded);
    this.current = loaded.status === 'ok' ? loaded.sidecar : null;
    this.revision++;
    this.owned = undefined;
    this.currentText = undefined;
    this.hashedText = undefined;
    this.currentVersion = -1;
    this.analyzedVersion = undefined;
    this.state = 'idle';
    return true;
  }

  /** The host began a long analysis (warming the analyzer chunk by chunk before analyze()). */
  markAnalyzing(): void {
    this.state = 'analyzing';
  }

  /** The host will not analyze the text as it is (see SessionStatus); the sidecar in memory is kept. */
  markRefused(status: 'unreadable' | 'tooLarge'): void {
    this.state = status;
  }

  /**
   * Analyzes `text` (with the reference date the user stored, unless the options give one) and reconciles it with
   * the sidecar in memory or on disk. Load first: without it the stored manual work would be missed.
   */
  analyze(text: string, at: TextAt = {}): ReconcileOutput {
    return this.startAnalysis(text, at).finish()!;
  }

  /**
   * analyze() in steps a host can run in separate tasks (./pending.ts): the analysis a bounded step at a time, then its
   * reconcile with the sidecar in memory likewise; the editor yields in between, so none blocks it for long on a big
   * article. Nothing changes in the session until the last step; every step does nothing once the session changed
   * since or a newer analysis of the article started (the run is stale).
   */
  startAnalysis(text: string, at: TextAt = {}): PendingAnalysis {
    this.owned = undefined;
    const revision = this.revision;
    const run = ++this.runs;
    const base = { ...this.options.analyzeOptions?.(), ...at.options };
    const options = analyzeOptionsFor(this.current ?? undefined, base);
    const { analyzer } = this.options;
    // without steps of its own, the analyzer's one call is the one step (run now, as the first step of a run in steps is)
    const steps = analyzer.analyzeSteps?.(text, options) ?? oneStep(analyzer.analyze(text, options));
    let previous: Sidecar | undefined;
    let sameText: boolean | undefined;
    return pendingAnalysis(steps, {
      changed: () => this.revision !== revision || this.runs !== run,
      reconcile: (analysis: AnalysisResult) => {
        this.owned = undefined;
        previous = this.current ?? undefined;
        // the text the previous sidecar's hash names is known: reconcile need not hash this one
        sameText = previous && this.hashedText !== undefined ? this.hashedText === text : undefined;
        return reconcileSteps({ text, file: this.options.file, analysis, previous, generator: this.options.generator, now: this.now(), sameText });
      },
      apply: out => this.applyReconciled(out, text, at, previous, sameText),
    });
  }

  private applyReconciled(out: ReconcileOutput, text: string, at: TextAt, previous: Sidecar | undefined, sameText: boolean | undefined): ReconcileOutput {
    this.owned = undefined;
    let { sidecar } = out;
    // a hash filled in during the reconcile (hashedSidecar, a save: the one change a run does not go stale for) names
    // hashedText now, as the reconcile's kept hash does not
    if (sameText !== undefined && this.current !== previous && this.current) {
      sidecar = { ...sidecar, document: { ...sidecar.document, sha256: this.current.document.sha256 } };
      out = { sidecar, report: out.report };
    }
    this.current = sidecar;
    this.revision++;
    this.currentText = text;
    this.currentVersion = at.version ?? -1;
    if (sameText === undefined) this.hashedText = text;
    // with options of its own (a one-off analysis) it is not the analysis a save would make
    this.analyzedVersion = at.options === undefined ? at.version : undefined;
    this.lastReport = out.report;
    this.state = 'ready';
    return out;
  }

  /**
   * Moves the stored spans along with edits to the text (an editor's change events), so highlights follow typing
   * before the next analysis. Returns false when the sidecar does not follow the text before the changes (not
   * analyzed yet): the next analysis re-anchors it instead.
   */
  textChanged(newText: string, changes: readonly TextChange[], version?: number): boolean {
    if (!this.current || this.currentText === undefined) return false;
    const delta = changes.reduce((n, c) => n + c.text.length - (c.end - c.start), 0);
    if (this.current.document.length + delta !== newText.length) {
      this.currentText = undefined; // out of step: leave it to the next analysis
      return false;
    }
    const moved = applyTextChangesOwned(this.current, newText, changes, this.now(), this.owned);
    this.current = moved.sidecar;
    this.revision++;
    this.owned = moved.owned;
    this.currentText = newText;
    this.currentVersion = version ?? -1;
    this.analyzedVersion = undefined;
    return true;
  }

  /**
   * Applies a user edit to the sidecar for `text` (analyzing first when the sidecar follows an older text), records
   * it for undo under `label`, and re-analyzes so e.g. dates re-resolve against a new reference date. Throws what the
   * edit throws (EditError), leaving everything as it was. Call save() to write it.
   */
  edit(label: string, text: string, change: SidecarChange, at: TextAt = {}): Sidecar {
    if (!this.current) throw new Error('This article has not been annotated yet.');
    this.owned = undefined; // the history keeps it
    if (!this.follows(text, at.version)) this.analyze(text, at);
    const before = this.current!;
    const after = change(before, text);
    this.history.record(label, before);
    this.current = after;
    this.revision++;
    this.changed = true;
    this.analyze(text, at);
    return this.current!;
  }

  /** Goes back before the last edit; returns its label, or undefined when there is nothing to undo. */
  undo(text: string, at: TextAt = {}): string | undefined {
    this.owned = undefined; // the history keeps it
    const step = this.history.undo(this.current);
    if (!step) return undefined;
    this.restore(step.value, text, at);
    return step.label;
  }

  /** Makes the last undone edit again; returns its label, or undefined when there is nothing to redo. */
  redo(text: string, at: TextAt = {}): string | undefined {
    this.owned = undefined; // the history keeps it
    const step = this.history.redo(this.current);
    if (!step) return undefined;
    this.restore(step.value, text, at);
    return step.label;
  }

  private restore(value: Sidecar | null, text: string, at: TextAt): void {
    this.current = value;
    this.revision++;
    // the stored sidecar's hash and offsets are those of a text not known here any more
    this.currentText = undefined;
    this.hashedText = undefined;
    this.changed = true;
    // the stored state may be for an earlier text: the analysis re-anchors it to this one
    this.analyze(text, at);
  }

  private follows(text: string, version: number | undefined): boolean {
    if (this.currentText === undefined || this.current?.document.length !== text.length) return false;
    return version === undefined ? this.currentText === text : version === this.currentVersion;
  }

  /**
   * Writes the sidecar in memory, unless the stored one could not be used (it is never overwritten) or the file
   * changed since this session read or wrote it (a conflict). Saves run one after the other. `overwrite`: the user
   * chose to replace what the file now holds, so its current state is what the save expects.
   */
  save(options: { overwrite?: boolean } = {}): Promise<SaveOutcome> {
    return this.file.queue(() => this.saveNow(options.overwrite === true));
  }

  /** Resolves when the saves asked for so far are done (their disk state recorded). */
  whenSaved(): Promise<void> {
    return this.file.idle();
  }

  private async saveNow(overwrite: boolean): Promise<SaveOutcome> {
    const sidecarPath = this.file.path;
    let sidecar = this.current;
    const text = this.currentText; // the text `sidecar` follows (typing may go on while this save waits)
    this.owned = undefined; // the write below reads it while typing may go on
    if (!sidecar) return { saved: false, reason: 'noSidecar' };
    if (this.problem) return { saved: false, reason: 'unusableSidecar', error: this.problem };
    if (overwrite) await this.file.accept(sidecarPath);
    if (text !== undefined && this.hashedText !== text) {
      const held = sidecar;
      const sha256 = await (this.options.hashText ?? sha256Hex)(text);
      sidecar = { ...held, document: { ...held.document, sha256 } };
      // typing may have gone on while the host hashed: the sidecar in memory is then for a newer text (hashed by the
      // next save); this save writes the one it was asked for. The corpus may have filled in the same hash meanwhile
      // (hashedSidecar): that one is written, so the session counts as saved.
      if (this.current === held) {
        this.current = sidecar;
        this.hashedText = text;
      } else if (this.current && this.hashedText === text && onlyHashed(this.current, held)) sidecar = this.current;
    }
    const outcome = await this.file.write(sidecar, sidecarPath);
    if (outcome.saved && this.current === sidecar) this.changed = false;
    return outcome;
  }

  /**
   * Forgets the sidecar (the next analysis reloads it from disk), keeping the undo history: used when the file
   * changed on disk, or the article was closed. `sidecarPath`: the sidecar lives there from now on (a setting changed).
   */
  reset(sidecarPath?: string): void {
    if (sidecarPath !== undefined) this.file.path = sidecarPath;
    this.epoch++;
    this.revision++;
    this.loading = undefined;
    this.isLoaded = false;
    this.current = null;
    this.owned = undefined;
    this.currentText = undefined;
    this.currentVersion = -1;
    this.hashedText = undefined;
    this.analyzedVersion = undefined;
    this.problem = undefined;
    this.changed = false;
    this.state = 'idle';
  }

  private now(): string {
    return this.options.now?.() ?? new Date().toISOString();
  }
}

/** `now` is `held` with only its hash filled in (as hashedSidecar does): every other field the same value or object. */
function onlyHashed(now: Sidecar, held: Sidecar): boolean {
  const same = <T extends object>(a: T, b: T, skip: keyof T) => {
    const keys = Object.keys(a) as (keyof T)[];
    return keys.length === Object.keys(b).length && keys.every(k => k === skip || a[k] === b[k]);
  };
  return same(now, held, 'document') && same(now.document, held.document, 'sha256');
}
