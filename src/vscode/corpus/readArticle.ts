// One workspace article as the corpus index reads it: the open editor's session when the article is open and
// analyzed (what the user sees), else the file and its sidecar when that is up to date (same text hash), else a
// fresh analysis reconciled with the stored sidecar, in memory (the same core workflow the CLI's annotate runs,
// with nothing written).
import * as vscode from 'vscode';
import {
  annotateArticle,
  baseName,
  decodeArticle,
  DEFAULT_MAX_ARTICLE_BYTES,
  loadSidecar,
  sha256Hex,
  type AnalysisResult,
  type AnalyzeOptions,
  type Sidecar,
} from '../../core';
import type { Articles } from '../articles';
import type { SidecarFiles } from '../persistence';

export type ReadOutcome =
  | { ok: true; text: string; sidecar: Sidecar; from: 'editor' | 'sidecar' | 'analyzed'; problem?: string }
  | { ok: false; reason: string }
  /** The sidecar is not up to date: analysis is needed (slow; the index runs these under a progress notification). */
  | { ok: 'stale'; text: string }
  /** Open with changes the editor has not analyzed yet: its own analysis will publish them (the index waits for it). */
  | { ok: 'later' };

/**
 * Longest text analyzed in the background: the analysis is one synchronous step there (the editor analyzes an open
 * article in chunks), and a 250,000-character article takes seconds. Longer ones are indexed when opened or annotated.
 */
export const BACKGROUND_MAX_CHARS = 100_000;

export interface ArticleReader {
  articles: Articles;
  files: SidecarFiles;
  analyze(text: string, options: AnalyzeOptions): AnalysisResult;
  /** The analysis options for the article (lexicon with the every-article corrections). */
  options(uri: vscode.Uri): AnalyzeOptions;
  generator: string;
  /** SHA-256 of a text, lowercase hex: the host's fastest (the core's sha256Hex when not given). */
  sha256?: (text: string) => string;
}

const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());

/** The article's text: the open document's (what the user sees, saved or not), else the file's. */
async function textOf(uri: vscode.Uri): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const doc = openDocument(uri);
  if (doc) return { ok: true, text: doc.getText() };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return { ok: false, reason: `cannot read: ${(e as Error)?.message ?? String(e)}` };
  }
  return decodeArticle(bytes, DEFAULT_MAX_ARTICLE_BYTES);
}

/** The fast part: the editor's session or an up-to-date sidecar; 'stale' when only an analysis can tell. */
export async function readIndexed(reader: ArticleReader, uri: vscode.Uri): Promise<ReadOutcome> {
  const doc = openDocument(uri);
  const view = doc && reader.articles.get(uri);
  const held = doc && reader.articles.sidecar(uri);
  if (doc && view && held && view.version === doc.version && !view.partial) return { ok: true, text: doc.getText(), sidecar: held, from: 'editor' };
  // typed into and not analyzed yet: never analyze it here as well, the editor will
  if (doc?.isDirty) return { ok: 'later' };
  const text = await textOf(uri);
  if (!text.ok) return text;
  const path = reader.files.locate(uri).toString();
  // never a backup here: indexing writes nothing (Restricted Mode included); opening the article reports it
  const stored = await loadSidecar(reader.files.storage, path, { backup: false }).catch(() => undefined);
  if (stored?.status === 'ok' && stored.sidecar.document.sha256 === (reader.sha256 ?? sha256Hex)(text.text))
    return { ok: true, text: text.text, sidecar: stored.sidecar, from: 'sidecar' };
  if (text.text.length > BACKGROUND_MAX_CHARS) {
    return { ok: false, reason: `not indexed: too long to analyze in the background (${text.text.length} characters); open it, or run Annotate All Articles` };
  }
  return { ok: 'stale', text: text.text };
}

/** The slow part: analyzes the text and reconciles it with the stored sidecar (manual work kept), in memory. */
export async function analyzeIndexed(reader: ArticleReader, uri: vscode.Uri, text: string): Promise<Extract<ReadOutcome, { ok: true }>> {
  const result = await annotateArticle({
    storage: reader.files.storage,
    sidecarPath: reader.files.locate(uri).toString(),
    file: baseName(uri.path),
    text,
    analyze: (t, o) => reader.analyze(t, o),
    options: reader.options(uri),
    generator: reader.generator,
    now: new Date().toISOString(),
    write: false,
  });
  const problem = result.loadError ? `its sidecar cannot be used (${reader.files.describe(result.loadError)}); indexed from a fresh analysis` : undefined;
  return { ok: true, text, sidecar: result.sidecar, from: 'analyzed', problem };
}
