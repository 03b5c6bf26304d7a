// Reads the `newsAnnotator.*` settings (declared in package.json `contributes.configuration`).
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, cleanLexicon, type AnnotationType, type Lexicon } from '../core';

export type HighlightStyle = 'background' | 'underline' | 'both';
export type SidecarLocation = 'beside' | 'folder';

export interface Settings {
  enabledTypes: AnnotationType[];
  articleLanguages: string[];
  articleFilePatterns: string[];
  annotateOnOpen: boolean;
  highlightStyle: HighlightStyle;
  debounceDelay: number;
  maxArticleSize: number;
  sidecarLocation: SidecarLocation;
  sidecarFolder: string;
  lexicon: Lexicon;
}

export const SECTION = 'newsAnnotator';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const types = c.get<string[]>('enabledTypes', [...ANNOTATION_TYPES]).filter((t): t is AnnotationType => (ANNOTATION_TYPES as readonly string[]).includes(t));
  const style = c.get<string>('highlightStyle', 'background');
  return {
    enabledTypes: types,
    articleLanguages: c.get<string[]>('articleLanguages', ['plaintext', 'markdown']),
    articleFilePatterns: c.get<string[]>('articleFilePatterns', []),
    annotateOnOpen: c.get<boolean>('annotateOnOpen', true),
    highlightStyle: style === 'underline' || style === 'both' ? style : 'background',
    debounceDelay: Math.max(0, c.get<number>('debounceDelay', 300)),
    maxArticleSize: Math.max(1, c.get<number>('maxArticleSize', 2_000_000)),
    sidecarLocation: c.get<string>('sidecarLocation', 'beside') === 'folder' ? 'folder' : 'beside',
    sidecarFolder: c.get<string>('sidecarFolder', '.news-annotator/sidecars'),
    lexicon: cleanLexicon(c.get<Record<string, unknown>>('lexicon', {})),
  };
}
