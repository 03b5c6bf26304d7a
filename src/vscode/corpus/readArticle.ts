// One workspace article as the corpus index reads it: the open editor's session when the article is open and
// analyzed (what the user sees), else the file and its corpus snapshot record when that is still valid (snapshotStore.ts),
// else the file and its sidecar when that is up to date (same text hash), else a fresh analysis reconciled with the
// stored sidecar, in memory (the same core workflow the CLI's annotate runs, with nothing written).
import * as vscode from 'vscode';
import {
  annotateArticle,
  baseName,
  corpusArticleFromSnapshot,
  decodeArticle,
  isRecordUsable,
  DEFAULT_MAX_ARTICLE_BYTES,
  loadSidecar,
  sha256Hex,
  type AnalysisResult,
  type AnalyzeOptions,
  type CorpusArticle,
  type LoadResult,
  type Sidecar,
  type SnapshotRecord,
} from '../../core';
import type { Articles } from '../articles';
import type { SidecarFiles } from '../persistence';
import type { SidecarSeen, SnapshotStore } from './snapshotStore';

export type ReadOutcome =
  /** `seen`: the sidecar file as it was just before it was read (from 'sidecar', when there is a snapshot to keep). */
  | { ok: true; text: string; sidecar: Sidecar; from: 'editor' | 'sidecar' | 'analyzed'; problem?: string; seen?: SidecarSeen }
  /** Taken from the corpus snapshot: the sidecar was not read (the index reads it when it needs the whole sidecar). */
  | { ok: 'snapshot'; text: string; article: CorpusArticle; record: SnapshotRecord }
  | { ok: false; reason: string }
  /**
   * The sidecar is not up to date: analysis is needed (slow; the index runs these under a progress notification).
   * `stored`: the sidecar as read here (missing, unusable or of another text), which the analysis reconciles with.
   */
  | { ok: 'stale'; text: string; stored?: LoadResult }
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
async function textOf(reader: ArticleReader, uri: vscode.Uri): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const doc = openDocument(uri);
  if (doc) return { ok: true, text: doc.getText() };
  let bytes: Uint8Array;
  try {
    bytes = await reader.files.storage.readBytes(uri);
  } catch (e) {
    return { ok: false, reason: `cannot read: ${(e as Error)?.message ?? String(e)}` };
  }
  return decodeArticle(bytes, DEFAULT_MAX_ARTICLE_BYTES);
}

/** The fast part: the editor's session, a valid snapshot record or an up-to-date sidecar; 'stale' when only an analysis can tell. */
export async function readIndexed(reader: ArticleReader, uri: vscode.Uri, key: string, snapshot?: SnapshotStore): Promise<ReadOutcome> {
  const doc = openDocument(uri);
  const view = doc && reader.articles.get(uri);
  const held = doc && reader.articles.sidecar(uri);
  if (doc && view && held && view.version === doc.version && !view.partial) return { ok: true, text: doc.getText(), sidecar: held, from: 'editor' };
  // typed into and not analyzed yet: never analyze it here as well, the editor will
  if (doc?.isDirty) return { ok: 'later' };
  const text = await textOf(reader, uri);
  if (!text.ok) return text;
  const sidecarUri = reader.files.locate(uri);
  const sha256 = (reader.sha256 ?? sha256Hex)(text.text);
  // the stamp before the read: a sidecar written after it gets another mtime, so its record is never taken for it
  const seen = await snapshot?.stampOf(sidecarUri);
  const record = snapshot?.record(key);
  if (record && isRecordUsable(record, sha256, seen?.stamp)) {
    const article = corpusArticleFromSnapshot(record, text.text);
    if (article) return { ok: 'snapshot', text: text.text, article, record };
  }
  // never a backup here: indexing writes nothing (Restricted Mode included); opening the article reports it
  const stored = await loadSidecar(reader.files.storage, sidecarUri.toString(), { backup: false }).catch(() => undefined);
  if (stored?.status === 'ok' && stored.sidecar.document.sha256 === sha256)
    return { ok: true, text: text.text, sidecar: stored.sidecar, from: 'sidecar', seen };
  if (text.text.length > BACKGROUND_MAX_CHARS) {
    return { ok: false, reason: `not indexed: too long to analyze in the background (${text.text.length} characters); open it, or run Annotate All Articles` };
  }
  return { ok: 'stale', text: text.text, stored };
}

/**
 * The slow part: analyzes the text and reconciles it with the stored sidecar (manual work kept), in memory. `stored`:
 * the sidecar as readIndexed read it, not read again (else it is read now).
 */
export async function analyzeIndexed(reader: ArticleReader, uri: vscode.Uri, text: string, stored?: LoadResult): Promise<Extract<ReadOutcome, { ok: true }>> {
  const result = await annotateArticle({
    stored,
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

/** The whole sidecar of an article taken from the snapshot, when it still is what the index holds (same text hash). */
export async function sidecarFor(reader: ArticleReader, uri: vscode.Uri, sha256: string): Promise<Sidecar | undefined> {
  const stored = await loadSidecar(reader.files.storage, reader.files.locate(uri).toString(), { backup: false }).catch(() => undefined);
  return stored?.status === 'ok' && stored.sidecar.document.sha256 === sha256 ? stored.sidecar : undefined;
}
