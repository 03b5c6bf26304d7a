// Annotate All Articles: writes the sidecar of every article in the workspace, one at a time under a cancellable
// progress notification, and ends with a summary (articles, mentions, failures; the failures with their reasons in
// the corpus output channel). An open article goes through its editor session (so its undo history and disk state
// stay right); a closed one through the core's annotateArticle, as the CLI's `annotate` does.
import * as vscode from 'vscode';
import { annotateArticle, baseName, decodeArticle, DEFAULT_MAX_ARTICLE_BYTES, type Sidecar } from '../../core';
import { UserError } from '../commands/userError';
import { notify } from '../notices';
import type { CorpusIndex } from './corpusIndex';
import type { ArticleReader } from './readArticle';

export interface AnnotateAllSummary {
  articles: number;
  mentions: number;
  failed: { path: string; reason: string }[];
  cancelled: boolean;
}

const yieldToEditor = () => new Promise<void>(resolve => setTimeout(resolve, 0));

async function annotateOne(reader: ArticleReader, uri: vscode.Uri): Promise<{ sidecar: Sidecar } | { reason: string }> {
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (doc && reader.articles.isArticle(doc)) {
    await reader.articles.analyze(doc, true);
    const sidecar = reader.articles.sidecar(uri);
    if (!sidecar) return { reason: 'could not be analyzed' };
    return (await reader.articles.save(doc)) ? { sidecar } : { reason: 'its sidecar was not saved (see the message shown for it)' };
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return { reason: `cannot read: ${(e as Error)?.message ?? String(e)}` };
  }
  const decoded = decodeArticle(bytes, DEFAULT_MAX_ARTICLE_BYTES);
  if (!decoded.ok) return { reason: decoded.reason };
  const result = await annotateArticle({
    storage: reader.files.storage,
    sidecarPath: reader.files.locate(uri).toString(),
    file: baseName(uri.path),
    text: decoded.text,
    analyze: (t, o) => reader.analyze(t, o),
    options: reader.options(uri),
    generator: reader.generator,
    now: new Date().toISOString(),
    write: true,
  });
  const error = result.loadError ?? result.saveError;
  return error ? { reason: reader.files.describe(error) } : { sidecar: result.sidecar };
}

export async function annotateAllArticles(reader: ArticleReader, index: CorpusIndex): Promise<AnnotateAllSummary> {
  if (!vscode.workspace.isTrusted)
    throw new UserError('This workspace is in Restricted Mode, so no sidecar files are written. Trust the workspace to annotate all articles.');
  const uris = await index.findArticles();
  if (uris.length === 0) throw new UserError('No articles in the workspace folders (see the newsAnnotator.articleLanguages and articleFilePatterns settings).');
  const summary: AnnotateAllSummary = { articles: 0, mentions: 0, failed: [], cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'News Annotator: annotating all articles', cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < uris.length; i++) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        const uri = uris[i];
        const path = index.keyOf(uri);
        progress.report({ message: `${i + 1}/${uris.length} ${path}`, increment: 100 / uris.length });
        await yieldToEditor();
        const outcome = await annotateOne(reader, uri).catch((e: Error) => ({ reason: e?.message ?? String(e) }));
        if ('sidecar' in outcome) {
          summary.articles++;
          summary.mentions += outcome.sidecar.annotations.length;
        } else {
          summary.failed.push({ path, reason: outcome.reason });
          index.output.appendLine(`Annotate All Articles: ${path}: ${outcome.reason}`);
        }
        index.update(uri);
      }
    },
  );
  await index.whenIdle();
  const text = `News Annotator: ${summary.cancelled ? 'cancelled after ' : ''}${summary.articles} article${summary.articles === 1 ? '' : 's'}, ${summary.mentions} mention${summary.mentions === 1 ? '' : 's'}, ${summary.failed.length} failed.`;
  if (summary.failed.length > 0) void notify('warning', text, 'Show Failures').then(choice => choice && index.output.show());
  else void notify('info', text);
  return summary;
}
