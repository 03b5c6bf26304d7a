// How each annotation type looks in the editor's chrome: one table, beside the core's words for it
// (src/core/present/typeWords.ts: TYPE_WORDS). Icons are codicons, so they follow the theme.
import * as vscode from 'vscode';
import type { AnnotationType } from '../core';

export interface TypeIcon {
  /** The codicon id: the Entities view's type and entity items. */
  codicon: string;
  /** The outline's and breadcrumbs' symbol kind (the workbench draws its own icon for each kind). */
  symbolKind: vscode.SymbolKind;
}

export const TYPE_ICONS: Readonly<Record<AnnotationType, TypeIcon>> = {
  person: { codicon: 'person', symbolKind: vscode.SymbolKind.Object },
  place: { codicon: 'location', symbolKind: vscode.SymbolKind.Namespace },
  organization: { codicon: 'organization', symbolKind: vscode.SymbolKind.Class },
  date: { codicon: 'calendar', symbolKind: vscode.SymbolKind.Event },
};

export function typeIcon(type: AnnotationType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(TYPE_ICONS[type].codicon);
}
