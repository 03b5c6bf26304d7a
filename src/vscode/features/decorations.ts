// Highlights: one decoration type per annotation type and look (manual ones get a solid border, automatic ones a
// dotted one, and automatic ones the user accepted a dashed one with a check mark after them, so the difference never
// rests on colour; High Contrast themes: ./highlightLooks.ts), made once and remade only when the style or the kind of
// theme changes.
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, type AnnotationType } from '../../core';
import type { ArticleView } from '../articles';
import type { HighlightStyle } from '../config';
import { borderLook, LOOKS, lookOf, type Look } from './highlightLooks';

export type { Look } from './highlightLooks';

export type DecoratedRanges = Record<AnnotationType, Record<Look, vscode.Range[]>>;

/** Colour ids declared in package.json `contributes.colors`. */
export function colorId(type: AnnotationType, part: 'Background' | 'Border' | 'Ruler'): string {
  return `newsAnnotator.${type}${part}`;
}

function makeType(type: AnnotationType, look: Look, style: HighlightStyle, highContrast: boolean): vscode.TextEditorDecorationType {
  const border = new vscode.ThemeColor(colorId(type, 'Border'));
  const options: vscode.DecorationRenderOptions = {
    overviewRulerColor: new vscode.ThemeColor(colorId(type, 'Ruler')),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    borderColor: border,
    ...borderLook(type, look, style, highContrast),
  };
  if (style !== 'underline') options.backgroundColor = new vscode.ThemeColor(colorId(type, 'Background'));
  // a mark that reads without colour (and in high contrast): this automatic mention was accepted
  if (look === 'reviewed') options.after = { contentText: '✓', color: border, fontWeight: 'bold', margin: '0 0 0 1px' };
  return vscode.window.createTextEditorDecorationType(options);
}

/** Whether the theme is a High Contrast one (dark or light): decorations take no per-theme-kind options for those. */
export function isHighContrast(kind: vscode.ColorThemeKind): boolean {
  return kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight;
}

export class Highlighter implements vscode.Disposable {
  private types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, DecoratedRanges>();
  visible = true;

  constructor(
    private style: HighlightStyle,
    private highContrast = false,
  ) {
    this.create();
  }

  private create(): void {
    for (const t of ANNOTATION_TYPES) for (const l of LOOKS) this.types.set(`${t}/${l}`, makeType(t, l, this.style, this.highContrast));
  }

  private recreate(): void {
    for (const d of this.types.values()) d.dispose();
    this.types.clear();
    this.applied.clear();
    this.create();
  }

  /** Remakes the decoration types for a new style; the caller re-applies. */
  setStyle(style: HighlightStyle): boolean {
    if (style === this.style) return false;
    this.style = style;
    this.recreate();
    return true;
  }

  /** Remakes the decoration types when the theme becomes, or stops being, a High Contrast one; the caller re-applies. */
  setHighContrast(highContrast: boolean): boolean {
    if (highContrast === this.highContrast) return false;
    this.highContrast = highContrast;
    this.recreate();
    return true;
  }

  get currentStyle(): HighlightStyle {
    return this.style;
  }

  get isHighContrast(): boolean {
    return this.highContrast;
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
