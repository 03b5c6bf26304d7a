// Highlights: one decoration type per annotation type and look (manual ones get a solid border, automatic ones a
// dotted one, and automatic ones the user accepted a dashed one with a check mark after them, so the difference never
// rests on colour), made once and remade only when the style changes.
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, type AnnotationSource, type AnnotationType } from '../../core';
import type { ArticleView } from '../articles';
import type { HighlightStyle } from '../config';

/** How a mention is drawn: found automatically and not reviewed yet, accepted by the user, or the user's own. */
export type Look = AnnotationSource | 'reviewed';

export type DecoratedRanges = Record<AnnotationType, Record<Look, vscode.Range[]>>;

const LOOKS: readonly Look[] = ['auto', 'reviewed', 'manual'];

const lookOf = (a: { source: AnnotationSource; reviewed?: boolean }): Look => (a.source === 'auto' && a.reviewed === true ? 'reviewed' : a.source);

const BORDER_STYLE: Record<Look, string> = { auto: 'dotted', reviewed: 'dashed', manual: 'solid' };

/** Colour ids declared in package.json `contributes.colors`. */
export function colorId(type: AnnotationType, part: 'Background' | 'Border' | 'Ruler'): string {
  return `newsAnnotator.${type}${part}`;
}

function makeType(type: AnnotationType, look: Look, style: HighlightStyle): vscode.TextEditorDecorationType {
  const border = new vscode.ThemeColor(colorId(type, 'Border'));
  const borderStyle = BORDER_STYLE[look];
  const options: vscode.DecorationRenderOptions = {
    overviewRulerColor: new vscode.ThemeColor(colorId(type, 'Ruler')),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  if (style !== 'underline') options.backgroundColor = new vscode.ThemeColor(colorId(type, 'Background'));
  if (style === 'background') {
    // a thin frame, dotted for auto, dashed for accepted auto, solid for manual
    Object.assign(options, { borderColor: border, borderStyle, borderWidth: '1px', borderRadius: '2px' });
  } else {
    Object.assign(options, { borderColor: border, borderStyle, borderWidth: '0 0 2px 0' });
  }
  // a mark that reads without colour (and in high contrast): this automatic mention was accepted
  if (look === 'reviewed') options.after = { contentText: '✓', color: border, fontWeight: 'bold', margin: '0 0 0 1px' };
  return vscode.window.createTextEditorDecorationType(options);
}

export class Highlighter implements vscode.Disposable {
  private types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, DecoratedRanges>();
  visible = true;

  constructor(private style: HighlightStyle) {
    this.create();
  }

  private create(): void {
    for (const t of ANNOTATION_TYPES) for (const l of LOOKS) this.types.set(`${t}/${l}`, makeType(t, l, this.style));
  }

  /** Remakes the decoration types for a new style; the caller re-applies. */
  setStyle(style: HighlightStyle): boolean {
    if (style === this.style) return false;
    this.style = style;
    for (const d of this.types.values()) d.dispose();
    this.types.clear();
    this.applied.clear();
    this.create();
    return true;
  }

  get currentStyle(): HighlightStyle {
    return this.style;
  }

  apply(editor: vscode.TextEditor, view: ArticleView | undefined): void {
    const ranges = emptyRanges();
    if (view && this.visible) {
      const doc = editor.document;
      for (const a of view.annotations) {
        ranges[a.type][lookOf(a)].push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
      }
    }
    for (const t of ANNOTATION_TYPES) {
      for (const l of LOOKS) editor.setDecorations(this.types.get(`${t}/${l}`)!, ranges[t][l]);
    }
    this.applied.set(editor.document.uri.toString(), ranges);
  }

  /** What was last drawn in the editors of a document. */
  decorated(uri: vscode.Uri): DecoratedRanges | undefined {
    return this.applied.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.applied.delete(uri.toString());
  }

  dispose(): void {
    for (const d of this.types.values()) d.dispose();
    this.types.clear();
  }
}

function emptyRanges(): DecoratedRanges {
  const r = {} as DecoratedRanges;
  for (const t of ANNOTATION_TYPES) r[t] = { auto: [], reviewed: [], manual: [] };
  return r;
}
