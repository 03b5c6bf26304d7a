// The folder-level commands: annotate every article of the workspace, export all of them, index them again.
import * as vscode from 'vscode';
import type { WorkspaceExportArgs } from '../exporting';
import { annotateAllArticles } from '../corpus/annotateAll';
import { CONTEXT, CORPUS_VIEW, type CommandId } from './contributions';
import type { CommandHost } from './host';
import type { Handlers } from './table';

export function corpusCommands(host: CommandHost) {
  const { corpus } = host;
  return {
    'newsAnnotator.annotateAllArticles': () => annotateAllArticles(corpus.reader, corpus.index),

    'newsAnnotator.exportWorkspace': async (args?: WorkspaceExportArgs) => {
      await corpus.index.whenIdle();
      await corpus.index.loadSidecars();
      const articles = corpus.index.corpus.articles().flatMap(a => {
        const uri = corpus.index.uriOf(a.path);
        const sidecar = corpus.index.sidecarOf(a.path);
        return uri && sidecar ? [{ uri, text: a.text, sidecar, relative: a.path }] : [];
      });
      return host.exporter.runWorkspace(articles, args);
    },

    'newsAnnotator.refreshCorpus': () => corpus.index.scan(),

    'newsAnnotator.showCorpus': () => vscode.commands.executeCommand(`${CORPUS_VIEW}.focus`),

    'newsAnnotator.filterCorpus': async (text?: string) => {
      const chosen =
        text ??
        (await vscode.window.showInputBox({
          title: 'Filter the Corpus view',
          prompt: 'Show the entities whose name or an alias contains this text (empty: all)',
          value: corpus.tree.filter,
        }));
      if (chosen === undefined) return undefined;
      corpus.tree.setFilter(chosen);
      await vscode.commands.executeCommand('setContext', CONTEXT.corpusFiltered, corpus.tree.filter !== '');
      return corpus.tree.filter;
    },

    'newsAnnotator.clearCorpusFilter': async () => {
      corpus.tree.setFilter('');
      await vscode.commands.executeCommand('setContext', CONTEXT.corpusFiltered, false);
    },
  } satisfies Partial<Handlers<CommandId>>;
}
