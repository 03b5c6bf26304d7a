// The News Annotator commands. Each takes optional arguments so it can run without UI (tests, keybindings
// with args, other extensions); without them it asks through quick picks and input boxes.
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, ENTITY_TYPES, type AnnotationType } from '../core';
import type { Articles, ArticleView } from './articles';
import type { EntityNode, EntityTreeProvider } from './entityTree';
import { ExportError, type Exporter } from './exporting';
import { annotationAt, plainText, sameAs, TYPE_LABEL } from '../core';
import * as edits from '../core/sidecar';
import { notify } from './notices';

export const ENTITY_VIEW = 'newsAnnotator.entities';

export interface CommandHost {
  articles: Articles;
  tree: EntityTreeProvider;
  exporter: Exporter;
  toggleHighlights(visible?: boolean): boolean;
  reannotate(doc: vscode.TextDocument): Promise<ArticleView | undefined>;
}

class UserError extends Error {}

const { isIsoDay } = edits;
type EntityChoice = edits.AddOptions;

const isType = (t: unknown): t is AnnotationType => typeof t === 'string' && (ANNOTATION_TYPES as readonly string[]).includes(t);

export function registerCommands(host: CommandHost): vscode.Disposable[] {
  const { articles, tree } = host;

  const article = (): vscode.TextEditor => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !articles.isArticle(editor.document)) {
      throw new UserError('Open an article first (a plaintext or markdown file, or one matching newsAnnotator.articleFilePatterns).');
    }
    return editor;
  };
  const viewOf = async (doc: vscode.TextDocument): Promise<ArticleView> => {
    const v = (await articles.settled(doc.uri)) ?? articles.get(doc.uri) ?? (await articles.analyze(doc, true));
    if (!v) throw new UserError('This article could not be annotated.');
    return v;
  };
  const atCursor = async (editor: vscode.TextEditor) => {
    const view = await viewOf(editor.document);
    const a = annotationAt(view, editor.document.offsetAt(editor.selection.active));
    if (!a) throw new UserError('Put the cursor on a highlighted mention first.');
    return { view, a };
  };
  const selectionSpan = (editor: vscode.TextEditor, args?: { start?: number; end?: number }) => {
    const doc = editor.document;
    // no selection: the word under the cursor
    const word = editor.selection.isEmpty ? doc.getWordRangeAtPosition(editor.selection.active) : undefined;
    const range = word ?? editor.selection;
    let start = args?.start ?? doc.offsetAt(range.start);
    let end = args?.end ?? doc.offsetAt(range.end);
    // trim surrounding white space: a double-click selection often carries one
    const text = doc.getText();
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start >= end) throw new UserError('Select the words to annotate first.');
    return { start, end };
  };
  const pickType = async (args: { type?: unknown } | undefined, placeHolder: string): Promise<AnnotationType | undefined> => {
    if (args && args.type !== undefined) {
      if (!isType(args.type)) throw new UserError(`Unknown annotation type "${String(args.type)}": use one of ${ANNOTATION_TYPES.join(', ')}.`);
      return args.type;
    }
    const pick = await vscode.window.showQuickPick(ANNOTATION_TYPES.map(t => ({ label: TYPE_LABEL[t], type: t })), { placeHolder });
    return pick?.type;
  };
  /** A new entity named after the selection, or one already in the article. */
  const pickEntity = async (view: ArticleView, type: AnnotationType, surface: string, args?: { type?: unknown; entity?: string; entityName?: string }): Promise<EntityChoice | null> => {
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) return {};
    if (args?.entity) return { entity: args.entity };
    if (args?.entityName) return { newEntityName: args.entityName };
    // called with a type but no entity: the entity the surface already names, else a new one
    if (args?.type !== undefined) return {};
    const existing = view.entities.filter(e => e.type === type);
    if (existing.length === 0) return {};
    const items: { label: string; description?: string; entity: EntityChoice }[] = [
      { label: `$(add) New entity "${plainText(surface)}"`, entity: { newEntityName: surface } },
      ...existing.map(e => ({ label: plainText(e.name), description: plainText(e.aliases.filter(x => x !== e.name).join(', ')), entity: { entity: e.id } })),
    ];
    const pick = await vscode.window.showQuickPick(items, { placeHolder: `Which ${TYPE_LABEL[type].toLowerCase()} is "${plainText(surface)}"?` });
    return pick ? pick.entity : null;
  };

  const commands: Record<string, (...args: never[]) => unknown> = {
    'newsAnnotator.annotate': async () => {
      const editor = article();
      host.toggleHighlights(true);
      return host.reannotate(editor.document);
    },

    'newsAnnotator.toggleHighlights': (visible?: boolean) => host.toggleHighlights(typeof visible === 'boolean' ? visible : undefined),

    'newsAnnotator.addAnnotation': async (args?: { type?: AnnotationType; entity?: string; entityName?: string; start?: number; end?: number }) => {
      const editor = article();
      const span = selectionSpan(editor, args);
      const view = await viewOf(editor.document);
      const type = await pickType(args, 'Annotate the selection as…');
      if (!type) return undefined;
      const surface = editor.document.getText().slice(span.start, span.end);
      const entity = await pickEntity(view, type, surface, args);
      if (entity === null) return undefined;
      const date = type === 'date' ? articles.resolveDate(surface, view.referenceDate?.value ?? null) : {};
      return articles.edit(editor.document, `Add ${type} "${surface}"`, (s, text) => edits.addAnnotation(s, text, span, type, { ...entity, ...date }));
    },

    'newsAnnotator.changeType': async (args?: { type?: AnnotationType }) => {
      const editor = article();
      const { a } = await atCursor(editor);
      const type = await pickType(args, `Change "${a.text}" (${a.type}) to…`);
      if (!type || type === a.type) return undefined;
      return articles.edit(editor.document, `Change "${a.text}" to ${type}`, (s, text) => edits.retypeAnnotation(s, text, a.id, type));
    },

    'newsAnnotator.removeAnnotation': async () => {
      const editor = article();
      const { a } = await atCursor(editor);
      return articles.edit(editor.document, `Remove "${a.text}"`, (s, text) => edits.removeAnnotation(s, text, a.id));
    },

    'newsAnnotator.annotateAllOccurrences': async (args?: { type?: AnnotationType; entity?: string; entityName?: string; text?: string }) => {
      const editor = article();
      const view = await viewOf(editor.document);
      const doc = editor.document;
      let surface = args?.text;
      if (!surface) {
        if (editor.selection.isEmpty) {
          const a = annotationAt(view, doc.offsetAt(editor.selection.active));
          if (!a) throw new UserError('Select the words to annotate everywhere first.');
          surface = a.text;
        } else {
          const span = selectionSpan(editor);
          surface = doc.getText().slice(span.start, span.end);
        }
      }
      const type = await pickType(args, `Annotate every "${surface}" as…`);
      if (!type) return undefined;
      const entity = await pickEntity(view, type, surface, args);
      if (entity === null) return undefined;
      const found = edits.occurrencesOf(doc.getText(), surface).length;
      if (found === 0) throw new UserError(`"${surface}" does not occur as a whole word in this article.`);
      return articles.edit(doc, `Annotate all ${found} "${surface}" as ${type}`, (s, text) => edits.annotateAllOccurrences(s, text, surface, type, entity));
    },

    'newsAnnotator.removeAllOccurrences': async (args?: { text?: string }) => {
      const editor = article();
      const view = await viewOf(editor.document);
      const doc = editor.document;
      let surface = args?.text;
      if (!surface) {
        const a = annotationAt(view, doc.offsetAt(editor.selection.active));
        surface = editor.selection.isEmpty ? a?.text : doc.getText(editor.selection).trim();
      }
      if (!surface) throw new UserError('Select a mention (or put the cursor on one) first.');
      const target = surface;
      if (!view.annotations.some(a => a.text === target)) throw new UserError(`No annotation of "${target}" in this article.`);
      return articles.edit(doc, `Remove all "${target}"`, (s, text) => edits.removeAllOccurrences(s, text, target));
    },

    'newsAnnotator.nextMention': async () => move(1, false),
    'newsAnnotator.previousMention': async () => move(-1, false),
    'newsAnnotator.nextMentionOfEntity': async () => move(1, true),
    'newsAnnotator.previousMentionOfEntity': async () => move(-1, true),

    'newsAnnotator.setReferenceDate': async (args?: string | { date?: string | null }) => {
      const editor = article();
      const view = await viewOf(editor.document);
      let value: string | null | undefined = typeof args === 'string' ? args : args?.date;
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: 'News Annotator: Set Reference Date',
          prompt: 'The article\'s publication date, used to resolve "Tuesday", "last week"... Leave empty to go back to the detected date.',
          placeHolder: 'YYYY-MM-DD',
          value: view.referenceDate?.value ?? '',
          validateInput: v => (v.trim() === '' || isIsoDay(v.trim()) ? undefined : 'Enter a real date as YYYY-MM-DD, e.g. 2015-11-25.'),
        });
        if (value === undefined) return undefined;
        value = value.trim() || null;
      }
      if (value !== null && !isIsoDay(value)) throw new UserError(`"${value}" is not a date as YYYY-MM-DD (e.g. 2015-11-25).`);
      const v = value;
      return articles.edit(editor.document, v ? `Set reference date ${v}` : 'Clear reference date', s => edits.setReferenceDate(s, v));
    },

    'newsAnnotator.showOrphans': async (args?: { id?: string; action?: 'reattach' | 'delete'; start?: number; end?: number }) => {
      const editor = article();
      const view = await viewOf(editor.document);
      const doc = editor.document;
      if (view.orphans.length === 0 && !args?.id) {
        void notify('info', 'News Annotator: this article has no orphaned annotations.');
        return view;
      }
      let id = args?.id;
      if (!id) {
        const pick = await vscode.window.showQuickPick(view.orphans.map(o => ({
          label: plainText(o.text), description: `${o.type} · was at ${o.start}–${o.end}`, detail: plainText(`…${o.prefix}[${o.text}]${o.suffix}…`, 200), id: o.id,
        })), { placeHolder: 'Orphaned annotations: their text is no longer in the article. Pick one to re-attach or delete.' });
        if (!pick) return undefined;
        id = pick.id;
      }
      const orphan = view.orphans.find(o => o.id === id);
      if (!orphan) throw new UserError(`No orphaned annotation ${id} in this article.`);
      let action = args?.action;
      if (!action) {
        const pick = await vscode.window.showQuickPick([
          { label: 'Re-attach to the current selection', action: 'reattach' as const },
          { label: 'Delete', action: 'delete' as const },
        ], { placeHolder: `"${orphan.text}" (${orphan.type})` });
        if (!pick) return undefined;
        action = pick.action;
      }
      if (action === 'delete') return articles.edit(doc, `Delete orphan "${orphan.text}"`, s => edits.deleteOrphan(s, orphan.id));
      const span = selectionSpan(editor, args);
      return articles.edit(doc, `Re-attach "${orphan.text}"`, (s, text) => edits.reattachOrphan(s, text, orphan.id, span));
    },

    'newsAnnotator.openSidecar': async () => {
      const editor = article();
      await viewOf(editor.document);
      const uri = articles.sidecarUri(editor.document.uri);
      const onDisk = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
      if (onDisk || (await articles.save(editor.document))) {
        return vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside });
      }
      // not writable here (untitled article, restricted mode, unusable file): show what would be saved
      const sidecar = articles.sidecar(editor.document.uri);
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(sidecar, null, 2) + '\n' });
      return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
    },

    'newsAnnotator.export': async (args?: { format?: string; target?: vscode.Uri }) => {
      const editor = article();
      await viewOf(editor.document);
      return host.exporter.run(editor.document, articles.sidecar(editor.document.uri), args);
    },

    'newsAnnotator.undo': async () => {
      const editor = article();
      const label = await articles.undo(editor.document);
      if (!label) void notify('info', 'News Annotator: no annotation change to undo for this article.');
      else vscode.window.setStatusBarMessage(`News Annotator: undid ${plainText(label)}`, 4000);
      return label;
    },

    'newsAnnotator.redo': async () => {
      const editor = article();
      const label = await articles.redo(editor.document);
      if (!label) void notify('info', 'News Annotator: no undone annotation change to redo for this article.');
      else vscode.window.setStatusBarMessage(`News Annotator: redid ${plainText(label)}`, 4000);
      return label;
    },

    'newsAnnotator.showEntities': async () => vscode.commands.executeCommand(`${ENTITY_VIEW}.focus`),

    'newsAnnotator.filterEntities': async (types?: AnnotationType[]) => {
      let chosen = types;
      if (!chosen) {
        const picks = await vscode.window.showQuickPick(ANNOTATION_TYPES.map(t => ({ label: TYPE_LABEL[t], type: t, picked: tree.filter.has(t) })), {
          canPickMany: true, placeHolder: 'Show these types in the Entities view',
        });
        if (!picks) return undefined;
        chosen = picks.map(p => p.type);
      }
      const bad = chosen.filter(t => !isType(t));
      if (bad.length) throw new UserError(`Unknown annotation type(s): ${bad.join(', ')}.`);
      tree.setFilter(chosen);
      return [...tree.filter];
    },

    // from the view's context menu: (node, selectedNodes); from code: ({ entity, type }) or (node, { type })
    'newsAnnotator.retypeEntity': async (node?: EntityNode | { entity: string; type?: AnnotationType }, options?: { type?: AnnotationType } | unknown[]) => {
      const target = await entityTarget(node);
      const choice = options && !Array.isArray(options) ? options : node && !('kind' in node) ? node : undefined;
      const type = await pickType(choice, `Change every mention of "${target.name}" to…`);
      if (!type) return undefined;
      return articles.edit(target.doc, `Change "${target.name}" to ${type}`, (s, text) =>
        target.entityId ? edits.retypeEntity(s, text, target.entityId, type) : bySpan(s, target.mentions, text, type));
    },

    'newsAnnotator.removeEntity': async (node?: EntityNode | { entity: string }) => {
      const target = await entityTarget(node);
      return articles.edit(target.doc, `Remove "${target.name}"`, (s, text) =>
        target.entityId ? edits.removeEntity(s, text, target.entityId) : bySpan(s, target.mentions, text));
    },

    'newsAnnotator.revealMention': async (uri: vscode.Uri, start: number, end: number) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return editor;
    },
  };

  /** The entity a tree item (or `{ entity: id }`, or the mention at the cursor) stands for, with its mentions. */
  async function entityTarget(node: EntityNode | { entity: string } | undefined) {
    if (node && 'kind' in node && node.kind === 'entity') {
      const doc = await vscode.workspace.openTextDocument(node.uri);
      const view = await viewOf(doc);
      const entityId = view.entities.some(e => e.id === node.id) ? node.id : undefined;
      return { doc, name: node.name, entityId, mentions: node.mentions };
    }
    const editor = article();
    const view = await viewOf(editor.document);
    if (node && 'entity' in node) {
      const e = view.entities.find(x => x.id === node.entity);
      if (!e) throw new UserError(`No entity ${node.entity} in this article.`);
      return { doc: editor.document, name: e.name, entityId: e.id, mentions: view.annotations.filter(a => a.entity === e.id) };
    }
    const { a } = await atCursor(editor);
    return { doc: editor.document, name: a.text, entityId: a.entity, mentions: sameAs(view, a) };
  }

  /** Retypes (or removes) the annotations at these spans one by one: dates group by value, not by entity. */
  function bySpan(s: edits.Sidecar, mentions: { start: number; end: number }[], text: string, type?: AnnotationType): edits.Sidecar {
    let next = s;
    for (const m of mentions) {
      const current = next.annotations.find(a => a.start === m.start && a.end === m.end);
      if (!current) continue;
      next = type ? edits.retypeAnnotation(next, text, current.id, type) : edits.removeAnnotation(next, text, current.id);
    }
    return next;
  }

  async function move(direction: 1 | -1, sameEntity: boolean): Promise<vscode.Range | undefined> {
    const editor = article();
    const view = await viewOf(editor.document);
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    let list = view.annotations;
    if (sameEntity) {
      const here = annotationAt(view, offset);
      if (!here) throw new UserError('Put the cursor on a mention to move between mentions of the same entity.');
      list = sameAs(view, here);
    }
    if (list.length === 0) throw new UserError('This article has no highlighted mentions.');
    const here = annotationAt(view, offset);
    const target = direction === 1
      ? list.find(a => a.start > (here ? here.start : offset)) ?? list[0]
      : [...list].reverse().find(a => a.start < (here ? here.start : offset)) ?? list[list.length - 1];
    const range = new vscode.Range(doc.positionAt(target.start), doc.positionAt(target.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return range;
  }

  return Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (run as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      // unexpected errors go to VS Code, which reports them; the user's own mistakes get a plain message
      if (!(e instanceof UserError || e instanceof edits.EditError || e instanceof ExportError)) throw e;
      void notify('error', `News Annotator: ${plainText(e.message, 400)}`);
      return undefined;
    }
  }));
}
