// One article, from its stored sidecar to the file written back: load, analyze and reconcile, the user's edits
// with undo and redo, spans kept in step with typing, and saves one at a time. The CLI runs it once per article;
// the editor keeps one per open document. Host concerns (when to analyze, prompts, file locations) stay outside.
import { sha256Hex } from '../hash';
import { analyzeOptionsFor, reconcileSteps, type ReconcileOutput, type ReconcileReport } from '../sidecar/reconcile';
import type { TextChange } from '../sidecar/textChanges';
import type { Sidecar, SidecarAnnotation, SidecarError } from '../sidecar/types';
import type { LoadResult } from '../sidecar/storage';
import type { AnalysisResult } from '../types';
import { EditSince } from './editSince';
import { HeldSidecar } from './heldSidecar';
import { EditHistory } from './history';
import type { ArticleSessionOptions, PendingAnalysis, SidecarChange, TextAt } from './options';
import { oneStep, pendingAnalysis } from './pending';
import { SidecarFile } from './sidecarFile';
import type { DiskState, SaveOutcome, SessionStatus } from './status';

export class ArticleSession {
  /** The sidecar in memory and the text it follows. */
  private readonly held = new HeldSidecar();
  private state: SessionStatus = 'idle';
  private isLoaded = false;
  private loading: Promise<boolean> | undefined;
  /** Bumped by reset(), so a load in flight for the forgotten state does not land. */
  private epoch = 0;
  private problem: SidecarError | undefined;
  private changed = false;
  private readonly history = new EditHistory<Sidecar | null>();
  /** Bumped by each startAnalysis: an earlier pending analysis is then stale. */
  private runs = 0;
  private readonly file: SidecarFile;
  /** The editor's changes since the last analysis started: the next one is told where the text changed. */
  private readonly editSince = new EditSince();
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
    return this.held.handOut();
  }

  /**
   * The sidecar in memory with document.sha256 naming the text it follows: hashed now (the core's hash) when typing
   * changed the text since the last hash. For what leaves the session as a description of the article (the corpus
   * index, exports); a save hashes by itself.
   */
  hashedSidecar(): Sidecar | null {
    return this.held.hashed();
  }

  /**
   * Whether an annotation in memory passes `test`, without handing the sidecar out (so typing keeps moving its spans
   * in place): for questions asked on every cursor move, such as whether the cursor is on a mention.
   */
  hasAnnotation(test: (a: Readonly<SidecarAnnotation>) => boolean): boolean {
    return this.held.peek()?.annotations.some(test) ?? false;
  }

  /** The version given with the text the sidecar follows (-1: none yet). */
  get version(): number {
    return this.held.version;
  }

  get sidecarPath(): string {
    return this.file.path;
  }

  /**
   * Whether the sidecar in memory is the analysis of the text at this editor version, nothing having changed it
   * since (no typing, edit, undo or reload): a save of that text then needs no new analysis.
   */
  analyzedAt(version: number): boolean {
    return this.held.analyzedVersion === version && this.held.peek() !== null;
  }

  /** There is a sidecar in memory (loaded or analyzed). */
  get hasSidecar(): boolean {
    return this.held.peek() !== null;
  }

  /** The sidecar in memory follows the text (analyzed, then kept in step by textChanged). */
  get followsText(): boolean {
    return this.held.peek() !== null && this.held.text !== undefined;
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
   * already loaded or another call is reading it (so a host reports a load error once). `stored`: the sidecar as the
   * caller already read it (loadSidecar on the session's storage and path), taken instead of reading it again.
   */
  async load(stored?: LoadResult): Promise<boolean> {
    if (this.isLoaded) return false;
    if (this.loading) return this.loading.then(() => false);
    const epoch = this.epoch;
    this.state = 'loading';
    this.loading = this.readStored(epoch, stored).finally(() => {
      if (this.epoch === epoch) this.loading = undefined;
    });
    return this.loading;
  }

  private async readStored(epoch: number, stored: LoadResult | undefined): Promise<boolean> {
    const loaded = stored ?? (await this.file.read());
    if (epoch !== this.epoch) return false;
    this.isLoaded = true;
    this.problem = loaded.status === 'error' ? loaded.error : undefined;
    this.file.loaded(loaded);
    this.held.replace(loaded.status === 'ok' ? loaded.sidecar : null);
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
    const held = this.held;
    const revision = held.revision;
    const run = ++this.runs;
    const base = { ...this.options.analyzeOptions?.(), ...at.options };
    const edit = this.editSince.editTo(text);
    const forSidecar = analyzeOptionsFor(held.handOut() ?? undefined, base);
    const options = edit ? { ...forSidecar, edit } : forSidecar;
    this.editSince.analyzed(text);
    const { analyzer } = this.options;
    // without steps of its own, the analyzer's one call is the one step (run now, as the first step of a run in steps is)
    const steps = analyzer.analyzeSteps?.(text, options) ?? oneStep(analyzer.analyze(text, options));
    let reconciling: ReturnType<HeldSidecar['reconcileBase']> = { previous: undefined, sameText: undefined };
    return pendingAnalysis(steps, {
      changed: () => held.revision !== revision || this.runs !== run,
      reconcile: (analysis: AnalysisResult) => {
        // the text the previous sidecar's hash names is known: reconcile need not hash this one
        reconciling = held.reconcileBase(text);
        const { generator, file } = this.options;
        return reconcileSteps({ text, file, analysis, previous: reconciling.previous, generator, now: this.now(), sameText: reconciling.sameText });
      },
      apply: out => {
        const kept = held.reconciled(out, text, at, reconciling.previous, reconciling.sameText);
        this.lastReport = kept.report;
        this.state = 'ready';
        return kept;
      },
    });
  }

  /**
   * Moves the stored spans along with edits to the text (an editor's change events), so highlights follow typing
   * before the next analysis. Returns false when the sidecar does not follow the text before the changes (not
   * analyzed yet): the next analysis re-anchors it instead.
   */
  textChanged(newText: string, changes: readonly TextChange[], version?: number): boolean {
    this.editSince.changed(newText, changes);
    return this.held.textChanged(newText, changes, version, this.now());
  }

  /**
   * Applies a user edit to the sidecar for `text` (analyzing first when the sidecar follows an older text), records
   * it for undo under `label`, and re-analyzes so e.g. dates re-resolve against a new reference date. Throws what the
   * edit throws (EditError), leaving everything as it was. Call save() to write it.
   */
  edit(label: string, text: string, change: SidecarChange, at: TextAt = {}): Sidecar {
    if (!this.held.peek()) throw new Error('This article has not been annotated yet.');
    if (!this.held.follows(text, at.version)) this.analyze(text, at);
    const before = this.held.handOut()!; // the history keeps it
    const after = change(before, text);
    this.history.record(label, before);
    this.held.edited(after);
    this.changed = true;
    this.analyze(text, at);
    return this.held.peek()!;
  }

  /** Goes back before the last edit; returns its label, or undefined when there is nothing to undo. */
  undo(text: string, at: TextAt = {}): string | undefined {
    const step = this.history.undo(this.held.handOut()); // the history keeps it
    if (!step) return undefined;
    this.restore(step.value, text, at);
    return step.label;
  }

  /** Makes the last undone edit again; returns its label, or undefined when there is nothing to redo. */
  redo(text: string, at: TextAt = {}): string | undefined {
    const step = this.history.redo(this.held.handOut()); // the history keeps it
    if (!step) return undefined;
    this.restore(step.value, text, at);
    return step.label;
  }

  private restore(value: Sidecar | null, text: string, at: TextAt): void {
    // the stored sidecar's hash and offsets are those of a text not known here any more
    this.held.replace(value);
    this.changed = true;
    // the stored state may be for an earlier text: the analysis re-anchors it to this one
    this.analyze(text, at);
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
    const { held, text } = this.held.saveTarget();
    if (!held) return { saved: false, reason: 'noSidecar' };
    if (this.problem) return { saved: false, reason: 'unusableSidecar', error: this.problem };
    if (overwrite) await this.file.accept(sidecarPath);
    const sidecar = await this.held.withHash(held, text, this.options.hashText ?? sha256Hex);
    const outcome = await this.file.write(sidecar, sidecarPath);
    if (outcome.saved && this.held.peek() === sidecar) this.changed = false;
    return outcome;
  }

  /**
   * Forgets the sidecar (the next analysis reloads it from disk), keeping the undo history: used when the file
   * changed on disk, or the article was closed. `sidecarPath`: the sidecar lives there from now on (a setting changed).
   */
  reset(sidecarPath?: string): void {
    if (sidecarPath !== undefined) this.file.path = sidecarPath;
    this.epoch++;
    this.loading = undefined;
    this.isLoaded = false;
    this.held.replace(null);
    // the host follows the text again only after the next analysis: changes made meanwhile are not told
    this.editSince.forget();
    this.problem = undefined;
    this.changed = false;
    this.state = 'idle';
  }

  private now(): string {
    return this.options.now?.() ?? new Date().toISOString();
  }
}
