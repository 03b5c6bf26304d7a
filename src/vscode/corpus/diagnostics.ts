// Consistency diagnostics: the core's findings (a name typed differently within an article or across the corpus, a
// name annotated by hand elsewhere left unannotated here, two entities sharing an alias) as a DiagnosticCollection
// per article, with quick fixes. Computed after the index changes, once it has been quiet for a moment, so typing
// never waits on them, and only for the articles the changes can affect (the core's CorpusFindings): a save checks
// and publishes again what it changed, not the whole corpus; a check of every article runs in tasks of STEP_MS.
// `newsAnnotator.corpus.diagnostics` turns them off.
import * as vscode from 'vscode';
import { CorpusFindings, type Finding } from '../../core';
import type { CorpusIndex } from './corpusIndex';
import { positionIn } from './positions';

/** How long the index must be quiet before the findings are computed again. */
const QUIET_MS = 500;
/**
 * The longest task of a check of every article (the first of a session, or after new decisions: some 0.25 s for
 * 2,000 articles): it goes on in a later task, so typing and the editor's other work are never held up longer.
 */
const STEP_MS = 20;
export const DIAGNOSTICS_SETTING = 'newsAnnotator.corpus.diagnostics';
export const FIX_COMMAND = 'newsAnnotator.applyCorpusFix';

const enabled = () => vscode.workspace.getConfiguration().get<boolean>(DIAGNOSTICS_SETTING, true);

export class CorpusDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('newsAnnotator.corpus');
  /** The findings as last published (a new one when the diagnostics are turned back on: everything checked again). */
  private findings = new CorpusFindings();
  /** Where each article's diagnostics were published (an article removed from the index has no URI to ask for). */
  private readonly published = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Waiting for the index's background analysis to end before checking (see publish). */
  private postponed = false;
  private disposed = false;
  private waiters: (() => void)[] = [];
  private readonly disposables: vscode.Disposable[];
  /** Bumped each time the diagnostics are published. */
  generation = 0;

  constructor(private readonly index: CorpusIndex) {
    this.disposables = [
      this.collection,
      index.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration(e => e.affectsConfiguration(DIAGNOSTICS_SETTING) && this.schedule()),
    ];
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publish();
    }, QUIET_MS);
  }

  /** Resolves once the diagnostics reflect the index as it is now (nothing scheduled, the index idle). */
  async whenCurrent(): Promise<void> {
    await this.index.whenIdle();
    if (this.timer || this.postponed) await new Promise<void>(resolve => this.waiters.push(resolve));
  }

  private publish(): void {
    if (!enabled()) {
      this.collection.clear();
      this.published.clear();
      this.findings = new CorpusFindings();
    } else {
      // while the index analyses articles in the background it changes every half second: a check of every article
      // started at each change would be started again at the next (on 2,000 articles a tenth of the indexing's time)
      const analysis = this.index.backgroundAnalysis;
      if (analysis) {
        if (!this.postponed) {
          this.postponed = true;
          const resume = () => {
            this.postponed = false;
            if (!this.disposed) this.schedule();
          };
          analysis.then(resume, resume);
        }
        return;
      }
      const started = performance.now();
      const change = this.findings.step(this.index.corpus, () => performance.now() - started >= STEP_MS);
      if (change === undefined) {
        // the rest in a later task (a change of the index meanwhile puts it off, and the check starts again)
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.publish();
        }, 0);
        return;
      }
      if (change.all) {
        this.collection.clear();
        this.published.clear();
      }
      for (const path of change.paths) this.show(path);
    }
    this.generation++;
    for (const w of this.waiters.splice(0)) w();
  }

  /** Publishes an article's findings as they are now (none: its diagnostics removed). */
  private show(path: string): void {
    const list = this.findings.findingsOf(path);
    const article = this.index.corpus.article(path);
    const uri = article && list.length > 0 ? this.index.uriOf(path) : undefined;
    const was = this.published.get(path);
    if (was && was.toString() !== uri?.toString()) this.collection.delete(was);
    if (!uri || !article) {
      this.published.delete(path);
      return;
    }
    this.published.set(path, uri);
    this.collection.set(
      uri,
      list.map(f => {
        const s = positionIn(article, article.text, f.start);
        const e = positionIn(article, article.text, f.end);
        const d = new vscode.Diagnostic(
          new vscode.Range(s.line, s.character, e.line, e.character),
          f.message,
          f.code === 'unannotated' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'News Annotator';
        d.code = f.code;
        return d;
      }),
    );
  }

  /** The quick fixes of the findings under the range: use the majority type, annotate, merge. */
  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const path = this.index.keyOf(doc.uri);
    const article = this.index.corpus.article(path);
    if (!article || article.text !== doc.getText()) return []; // typed since: the next findings will say
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    return this.findings
      .findingsOf(path)
      .filter(f => f.start <= end && start <= f.end)
      .map(f => {
        const action = new vscode.CodeAction(fixTitle(f), vscode.CodeActionKind.QuickFix);
        action.command = { command: FIX_COMMAND, title: action.title, arguments: [doc.uri, f] };
        action.diagnostics = vscode.languages.getDiagnostics(doc.uri).filter(d => d.code === f.code && doc.offsetAt(d.range.start) === f.start);
        action.isPreferred = f.fix.kind !== 'merge';
        return action;
      });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export function fixTitle(f: Finding): string {
  switch (f.fix.kind) {
    case 'retype':
      return `Make it a ${f.fix.type} (${f.fix.annotations.length === 1 ? 'this mention' : `${f.fix.annotations.length} mentions`})`;
    case 'annotate':
      return `Annotate "${f.fix.text}" as a ${f.fix.type}`;
    case 'merge':
      return `Merge the entities (${f.fix.entities.length})`;
  }
}
