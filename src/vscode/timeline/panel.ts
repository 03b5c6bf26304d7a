// The Timeline view: a webview panel that shows the dates of the active article (or of all open articles) on a time
// axis. It follows the active article and its selection, and acts on the webview's messages (reveal a mention, set
// the reference date, export) only after parseWebviewMessage has checked them.
import * as vscode from 'vscode';
import { articleTimeline, mergeTimelines, plainText, timelineCsv, type Timeline } from '../../core';
import type { ArticleView } from '../articles';
import { baseName } from '../articles';
import { notify } from '../notices';
import { nonce, timelineHtml } from './html';
import { parseWebviewMessage, type HostMessage, type TimelineData, type TimelineDom, type WebviewMessage } from './protocol';

/** What the panel needs of the open articles. */
export interface TimelineArticles {
  get(uri: vscode.Uri): ArticleView | undefined;
  isArticle(doc: vscode.TextDocument): boolean;
  settled(uri: vscode.Uri): Promise<ArticleView | undefined>;
  analyze(doc: vscode.TextDocument, force?: boolean): Promise<ArticleView | undefined>;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

export class TimelinePanel implements vscode.Disposable {
  static readonly viewType = 'newsAnnotator.timeline';
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The article followed: the last article editor that was active (focusing the panel keeps it). */
  private article: vscode.Uri | undefined;
  private allOpen = false;
  /** What was last posted: the URIs behind the article indexes, and the timeline. */
  private posted: { data: TimelineData; uris: vscode.Uri[]; timeline: Timeline } | undefined;
  private version = 0;
  private renderedVersion = -1;
  private readonly renderWaiters: { version: number; resolve: () => void }[] = [];
  private readonly inspections = new Map<number, (dom: TimelineDom) => void>();
  private nextRequest = 1;
  /** Messages handled (for tests: a rejected message leaves it unchanged). */
  handled = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly articles: TimelineArticles,
  ) {
    this.disposables.push(
      articles.onDidChange(uri => {
        if (this.panel && this.shows(uri)) this.post();
      }),
      vscode.window.onDidChangeActiveTextEditor(editor => {
        if (!editor || !articles.isArticle(editor.document)) return;
        if (this.article?.toString() === editor.document.uri.toString()) return;
        this.article = editor.document.uri;
        if (this.panel) void this.refresh();
      }),
      vscode.window.onDidChangeTextEditorSelection(e => this.postSelection(e.textEditor)),
    );
  }

  /** Opens the panel (or brings it forward) on the active article. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.articles.isArticle(editor.document)) this.article = editor.document.uri;
    if (!this.article) {
      void notify('info', 'News Annotator: open an article first; the timeline shows its dates.');
      return;
    }
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const roots = [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline')];
      this.panel = vscode.window.createWebviewPanel(
        TimelinePanel.viewType,
        'Timeline',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          localResourceRoots: roots,
          enableFindWidget: true,
        },
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'entities.svg');
      this.panel.webview.html = timelineHtml(this.panel.webview, this.extensionUri, nonce());
      this.panel.webview.onDidReceiveMessage(raw => void this.receive(raw), undefined, this.disposables);
      this.panel.onDidDispose(
        () => {
          this.panel = undefined;
          this.posted = undefined;
          this.renderedVersion = -1;
        },
        undefined,
        this.disposables,
      );
    }
    await this.refresh();
  }

  get visible(): boolean {
    return !!this.panel;
  }

  /** The data last posted to the webview (tests compare it with the sidecar). */
  data(): TimelineData | undefined {
    return this.posted?.data;
  }

  /** Resolves once the webview has drawn the latest data. */
  rendered(): Promise<void> {
    const version = this.version;
    if (this.renderedVersion >= version) return Promise.resolve();
    return new Promise(resolve => this.renderWaiters.push({ version, resolve }));
  }

  /** Asks the webview what its DOM holds. */
  inspect(): Promise<TimelineDom> {
    const request = this.nextRequest++;
    return new Promise(resolve => {
      this.inspections.set(request, resolve);
      this.send({ type: 'inspect', request });
    });
  }

  /** Tests: has the webview click an item, as the user would. */
  click(kind: 'event' | 'unplaced', index: number): void {
    this.send({ type: 'click', kind, index });
  }

  /** Handles a message as if the webview had sent it (tests: forged messages must be refused). */
  receive(raw: unknown): Promise<void> {
    const m = parseWebviewMessage(raw);
    if (!m) return Promise.resolve();
    this.handled++;
    return this.act(m).catch(e => void notify('error', `News Annotator: ${(e as Error).message}`));
  }

  private shows(uri: vscode.Uri): boolean {
    return this.allOpen ? true : this.article?.toString() === uri.toString();
  }

  private send(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  /** Analyses what is shown when it is not yet, then posts. */
  private async refresh(): Promise<void> {
    for (const uri of this.scopeUris()) {
      if (this.articles.get(uri)) continue;
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (doc) await this.articles.analyze(doc);
    }
    this.post();
  }

  private scopeUris(): vscode.Uri[] {
    if (!this.allOpen) return this.article ? [this.article] : [];
    const open = vscode.workspace.textDocuments.filter(d => this.articles.isArticle(d)).map(d => d.uri);
    return open.sort((a, b) => baseName(a).localeCompare(baseName(b)) || a.toString().localeCompare(b.toString()));
  }

  private post(): void {
    if (!this.panel) return;
    const locale = vscode.env.language;
    const uris: vscode.Uri[] = [];
    const timelines: Timeline[] = [];
    for (const uri of this.scopeUris()) {
      const view = this.articles.get(uri);
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      // a view for an older version of the text would put the items at stale offsets
      if (!view || !doc || view.version !== doc.version) continue;
      const article = String(uris.length);
      uris.push(uri);
      timelines.push(
        articleTimeline(
          { article, text: doc.getText(), annotations: view.annotations, entities: view.entities, referenceDate: view.referenceDate },
          { locale },
        ),
      );
    }
    const timeline = mergeTimelines(timelines);
    const data: TimelineData = {
      version: ++this.version,
      articles: uris.map((uri, i) => ({ name: baseName(uri), unplaced: timelines[i].unplaced.length })),
      events: timeline.events,
      unplaced: timeline.unplaced,
      allOpen: this.allOpen,
      locale,
    };
    this.posted = { data, uris, timeline };
    this.panel.title = this.allOpen ? 'Timeline: open articles' : `Timeline: ${uris[0] ? baseName(uris[0]) : 'no article'}`;
    this.send({ type: 'timeline', data });
    const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.article?.toString());
    if (editor) this.postSelection(editor);
  }

  private postSelection(editor: vscode.TextEditor): void {
    if (!this.posted) return;
    const index = this.posted.uris.findIndex(u => u.toString() === editor.document.uri.toString());
    if (index < 0) return;
    const doc = editor.document;
    this.send({ type: 'selection', article: index, start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) });
  }

  private uriAt(article: number): vscode.Uri {
    const uri = this.posted?.uris[article];
    if (!uri) throw new Error('that article is no longer in the timeline; the view has been refreshed.');
    return uri;
  }

  private async act(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post();
        return;
      case 'rendered':
        this.renderedVersion = Math.max(this.renderedVersion, m.version);
        for (const w of this.renderWaiters.splice(0)) {
          if (w.version <= this.renderedVersion) w.resolve();
          else this.renderWaiters.push(w);
        }
        return;
      case 'inspected':
        this.inspections.get(m.request)?.(m.dom);
        this.inspections.delete(m.request);
        return;
      case 'scope':
        this.allOpen = m.allOpen;
        await this.refresh();
        return;
      case 'reveal':
        return this.reveal(this.uriAt(m.article), m.id);
      case 'setReferenceDate': {
        const uri = this.uriAt(m.article);
        await this.showArticle(uri);
        await vscode.commands.executeCommand('newsAnnotator.setReferenceDate');
        return;
      }
      case 'exportCsv':
        return this.exportCsv(m.entity, m.article);
      case 'exportSvg':
        return this.save(m.svg, 'svg', 'SVG image');
    }
  }

  private async showArticle(uri: vscode.Uri, selection?: vscode.Range): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
    const column = shown?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    return vscode.window.showTextDocument(doc, { viewColumn: column, selection, preserveFocus: false });
  }

  /** Selects the mention `id` of the article (by its current offsets: the article may have changed since). */
  private async reveal(uri: vscode.Uri, id: string): Promise<void> {
    const view = this.articles.get(uri);
    const a = view?.annotations.find(x => x.id === id && x.type === 'date');
    if (!a) throw new Error('that date is no longer in the article.');
    const doc = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
    const editor = await this.showArticle(uri, range);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async exportCsv(entity: string | null, article: number | null): Promise<void> {
    if (!this.posted) return;
    const { timeline } = this.posted;
    const names = this.posted.uris.map(baseName);
    const events = timeline.events
      .filter(e => article === null || e.article === String(article))
      .filter(e => entity === null || e.entities.some(x => x.name === entity))
      .map(e => ({ ...e, article: names[Number(e.article)] ?? e.article }));
    await this.save(timelineCsv({ events, unplaced: [] }), 'csv', 'CSV');
  }

  private async save(content: string, extension: string, label: string): Promise<void> {
    const base = this.posted?.uris[0];
    const defaultUri = base ? vscode.Uri.joinPath(base, '..', `${baseName(base).replace(/\.[^.]*$/, '')}.timeline.${extension}`) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: { [label]: [extension] }, title: `Export the timeline as ${label}` });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    void notify('info', `News Annotator: timeline exported to ${plainText(baseName(target))}.`);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
