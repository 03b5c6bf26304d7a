// One ArticleSession per open article (by document URI), and the view the editor shows for each, with the event
// the features (highlights, hover, tree, status bar) listen to.
import * as vscode from 'vscode';
import { annotationAt, type AnnotationType, type ArticleSession, type Sidecar } from '../../core';
import { viewOf, type ArticleView } from './view';

export interface ArticleEntry {
  readonly uri: vscode.Uri;
  /** Lives as long as VS Code does (the undo history with it); closing the article only resets it. */
  readonly session: ArticleSession;
  /** What the editor shows; undefined: nothing (not analyzed, or unreadable). */
  view: ArticleView | undefined;
}

/** What the features need: the views and when they change. */
export interface ArticleViews {
  get(uri: vscode.Uri): ArticleView | undefined;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

export class ArticleRegistry implements ArticleViews, vscode.Disposable {
  private readonly entries = new Map<string, ArticleEntry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when an article's view changed (analysis, edit, undo, redo). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly createSession: (uri: vscode.Uri) => ArticleSession,
    private readonly enabledTypes: () => readonly AnnotationType[],
  ) {}

  /** The article's entry, created (with its session) on first use. */
  entry(uri: vscode.Uri): ArticleEntry {
    let e = this.entries.get(uri.toString());
    if (!e) {
      e = new Entry(uri, this.createSession(uri), this.enabledTypes);
      this.entries.set(uri.toString(), e);
    }
    return e;
  }

  find(uri: vscode.Uri): ArticleEntry | undefined {
    return this.entries.get(uri.toString());
  }

  all(): IterableIterator<ArticleEntry> {
    return this.entries.values();
  }

  get(uri: vscode.Uri): ArticleView | undefined {
    return this.find(uri)?.view;
  }

  /**
   * Whether `offset` is on a mention of an enabled type (in it, or at its end: as annotationAt finds it). Asked on
   * every cursor move, so while typing it is answered from the session without deriving the view.
   */
  onMention(uri: vscode.Uri, offset: number): boolean {
    const entry = this.find(uri);
    if (!entry) return false;
    if (entry instanceof Entry && entry.following) {
      const enabled = new Set<AnnotationType>(this.enabledTypes());
      return entry.session.hasAnnotation(a => enabled.has(a.type) && a.start <= offset && offset <= a.end);
    }
    return !!entry.view && annotationAt(entry.view, offset) !== undefined;
  }

  /** The article's sidecar, its hash naming the text it follows (see ArticleSession.hashedSidecar). */
  sidecar(uri: vscode.Uri): Sidecar | null {
    return this.find(uri)?.session.hashedSidecar() ?? null;
  }

  /** Whether the article has a sidecar in memory (nothing hashed to tell). */
  hasSidecar(uri: vscode.Uri): boolean {
    return this.find(uri)?.session.hasSidecar === true;
  }

  /**
   * Shows `view`, or the session's sidecar as it is now. `quiet`: no change event (typing: VS Code moves the drawn
   * highlights itself, so redrawing on every keystroke would only cost time).
   */
  publish(entry: ArticleEntry, view?: ArticleView, quiet = false): void {
    if (view) entry.view = view;
    // typing: the view is derived when something reads it (a hover, a redraw), not on every keystroke, since it
    // copies and sorts every annotation (some 60,000 in a 1.5 MB article)
    else if (quiet && entry instanceof Entry) entry.followSession();
    else entry.view = viewOf(entry.uri, entry.session.sidecar, entry.session.version, this.enabledTypes());
    if (!quiet) this.changed.fire(entry.uri);
  }

  /** Shows nothing for the article (the change event fires when something was shown, unless `quiet`). */
  clear(entry: ArticleEntry, quiet = false): void {
    if (!entry.view) return;
    entry.view = undefined;
    if (!quiet) this.changed.fire(entry.uri);
  }

  /** Re-derives every view (after a setting such as the enabled types changed). */
  republishAll(): void {
    for (const entry of this.entries.values()) if (entry.view && !entry.view.partial) this.publish(entry);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** An entry whose view can follow its session lazily: derived from the session's sidecar when first read. */
class Entry implements ArticleEntry {
  private shown: ArticleView | undefined;
  private stale = false;

  constructor(
    readonly uri: vscode.Uri,
    readonly session: ArticleSession,
    private readonly enabledTypes: () => readonly AnnotationType[],
  ) {}

  get view(): ArticleView | undefined {
    if (this.stale) {
      this.stale = false;
      this.shown = viewOf(this.uri, this.session.sidecar, this.session.version, this.enabledTypes());
    }
    return this.shown;
  }

  set view(view: ArticleView | undefined) {
    this.stale = false;
    this.shown = view;
  }

  /** The view will be derived from the session when next read. */
  get following(): boolean {
    return this.stale;
  }

  /** The view is the session's sidecar as it is when next read. */
  followSession(): void {
    this.stale = true;
  }
}
