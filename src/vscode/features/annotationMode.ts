// Annotation mode: single keys label, accept, reject and move between mentions (package.json's keybindings, scoped by
// the context key newsAnnotator.annotationMode and editorTextFocus, so outside the mode no key is ever captured).
// While the mode is on, the article's editor is read-only for the session (VS Code's own "read-only in session"), so
// a key the mode does not use cannot change the text either: VS Code says the editor is read-only instead. The mode
// belongs to one editor: it ends when another editor (or none) becomes active, and Esc ends it.
//
// Why read-only and not a `type` command override: only one extension may own `type` (Vim and others do), and an
// override sees every key in every editor. VS Code can make only the active editor read-only or writable again, so an
// article left while the mode was on is made writable again as soon as it is active next (see `restoreIfLeft`).
import * as vscode from 'vscode';
import { reviewCounts, reviewProgressText } from '../../core';
import type { Articles } from '../articles';
import { CONTEXT } from '../commands/contributions';
import type { ContextKeys } from './contextKeys';

const READONLY = 'workbench.action.files.setActiveEditorReadonlyInSession';
const RESET = 'workbench.action.files.resetActiveEditorReadonlyInSession';

/** Runs a read-only command on the active editor and gives its text the keyboard focus back (the change takes it away). */
async function onActiveEditor(command: string): Promise<void> {
  await vscode.commands.executeCommand(command);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
}

export class AnnotationMode implements vscode.Disposable {
  /** The article the mode is on, or undefined when it is off. */
  private on: vscode.Uri | undefined;
  /** Articles the mode made read-only and that were left before it could make them writable again. */
  private readonly left = new Set<string>();
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;
  /** The review progress of the active article; a click toggles the mode. */
  readonly item = vscode.window.createStatusBarItem('newsAnnotator.review', vscode.StatusBarAlignment.Right, 99);

  constructor(
    private readonly articles: Articles,
    private readonly keys: ContextKeys,
  ) {
    this.item.name = 'News Annotator: Review';
    this.item.command = 'newsAnnotator.toggleAnnotationMode';
    keys.set(CONTEXT.annotationMode, false);
  }

  get active(): boolean {
    return this.on !== undefined;
  }

  /** Turns the mode on for the active article's editor, or off. */
  async set(on: boolean): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (on && editor && this.articles.isArticle(editor.document)) {
      if (this.on?.toString() === editor.document.uri.toString()) return true;
      this.on = editor.document.uri;
      this.left.delete(this.on.toString());
      await onActiveEditor(READONLY);
    } else if (!on && this.on) {
      const was = this.on;
      this.on = undefined;
      if (editor?.document.uri.toString() === was.toString()) await onActiveEditor(RESET);
      else this.left.add(was.toString());
    } else {
      return this.active;
    }
    this.keys.set(CONTEXT.annotationMode, this.active);
    this.update();
    this.changed.fire(this.active);
    return this.active;
  }

  /** The active editor changed: the mode ends when it is not the mode's article; an article the mode left is writable again. */
  async activeEditorChanged(editor: vscode.TextEditor | undefined): Promise<void> {
    if (this.on && editor?.document.uri.toString() !== this.on.toString()) await this.set(false);
    const key = editor?.document.uri.toString();
    if (key && this.left.has(key) && !this.on) {
      this.left.delete(key);
      await onActiveEditor(RESET);
    }
    this.update();
  }

  /** Shows the active article's review progress, and whether the mode is on. */
  update(): void {
    const editor = vscode.window.activeTextEditor;
    const view = editor && this.articles.isArticle(editor.document) ? this.articles.get(editor.document.uri) : undefined;
    if (!view) {
      this.item.hide();
      return;
    }
    const progress = reviewProgressText(view);
    const { reviewed, total } = reviewCounts(view.annotations);
    const icon = total > 0 && reviewed === total ? '$(pass-filled)' : '$(checklist)';
    this.item.text = this.active ? `$(keyboard) Annotating · ${progress}` : `${icon} ${progress}`;
    this.item.tooltip = this.active
      ? 'News Annotator: annotation mode is on (the article is read-only meanwhile).\n1-4 or p/l/o/d: person/place/organization/date · a or Enter: accept · x: reject · n / Shift+N: next / previous unreviewed · Esc: leave.\nClick to leave annotation mode.'
      : `News Annotator: ${progress} in this article.\nClick to turn annotation mode on (single keys label, accept and reject).`;
    this.item.accessibilityInformation = { label: `News Annotator: ${this.active ? 'annotation mode on, ' : ''}${progress}`, role: 'button' };
    this.item.backgroundColor = this.active ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
  }
}
