// Annotate All Articles: writes the sidecar of every article in the workspace under a cancellable progress
// notification, several under way at once (ANNOTATE_AHEAD), counted in order, and ends with a summary (articles,
// mentions, failures; the failures with their reasons in the corpus output channel). An open article goes through its
// editor session (so its undo history and disk state stay right); a closed one through the core's annotateArticle, as
// the CLI's `annotate` does.
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
/** How long the loop runs before the editor gets its turn. */
const SLICE_MS = 20;

/**
 * Articles under way at once. A sidecar's write is a few requests to the editor's file service (its folder, the
 * read-only check, the temporary file, the rename), each waited for: one article at a time, 2,000 articles took 12.4 s
 * in code-server, the extension host idle for 9 s of it. With several under way, one is analysed while the others'
 * requests are answered.
 */
const ANNOTATE_AHEAD = 16;

type Outcome = { sidecar: Sidecar } | { reason: string };

async function annotateOne(reader: ArticleReader, uri: vscode.Uri): Promise<Outcome> {
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (doc && reader.articles.isArticle(doc)) {
    await reader.articles.analyze(doc, true);
    const sidecar = reader.articles.sidecar(uri);
    if (!sidecar) return { reason: 'could not be analyzed' };
    return (await reader.articles.save(doc)) ? { sidecar } : { reason: 'its sidecar was not saved (see the message shown for it)' };
  }
  let bytes: Uint8Array;
  try {
    bytes = await reader.files.storage.readBytes(uri);
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
      const underWay: { uri: vscode.Uri; done: Promise<Outcome> }[] = [];
      let next = 0;
      let finished = 0;
      let turn = performance.now();
      for (;;) {
        if (token.isCancellationRequested) summary.cancelled = true;
        // started in order; none once cancelled (those under way finish, and count)
        while (!summary.cancelled && next < uris.length && underWay.length < ANNOTATE_AHEAD) {
          const uri = uris[next++];
          underWay.push({ uri, done: annotateOne(reader, uri).catch((e: Error) => ({ reason: e?.message ?? String(e) })) });
        }
        const oldest = underWay.shift();
        if (!oldest) break;
        const outcome = await oldest.done;
        const path = index.keyOf(oldest.uri);
        if ('sidecar' in outcome) {
          summary.articles++;
          summary.mentions += outcome.sidecar.annotations.length;
        } else {
          summary.failed.push({ path, reason: outcome.reason });
          index.output.appendLine(`Annotate All Articles: ${path}: ${outcome.reason}`);
        }
        index.update(oldest.uri);
        progress.report({ message: `${++finished}/${uris.length} ${path}`, increment: 100 / uris.length });
        if (performance.now() - turn >= SLICE_MS) {
          await yieldToEditor();
          turn = performance.now();
        }
      }
    },
  );
  await index.whenIdle();
  const text = `News Annotator: ${summary.cancelled ? 'cancelled after ' : ''}${summary.articles} article${summary.articles === 1 ? '' : 's'}, ${summary.mentions} mention${summary.mentions === 1 ? '' : 's'}, ${summary.failed.length} failed.`;
  if (summary.failed.length > 0) void notify('warning', text, 'Show Failures').then(choice => choice && index.output.show());
  else void notify('info', text);
  return summary;
}
