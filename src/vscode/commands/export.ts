// The article's annotations as files: its sidecar, and the export formats.
import * as vscode from 'vscode';
import type { ExportArgs } from '../exporting';
import type { CommandId } from './contributions';
import type { CommandHost } from './host';
import type { Handlers } from './table';
import type { Targets } from './target';

export function exportCommands(host: CommandHost, at: Targets) {
  const { articles } = host;
  return {
    'newsAnnotator.openSidecar': async () => {
      const editor = at.article();
      await at.viewOf(editor.document);
      const uri = articles.sidecarUri(editor.document.uri);
      const onDisk = await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      );
      if (onDisk || (await articles.save(editor.document))) {
        return vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside });
      }
      // not writable here (untitled article, restricted mode, unusable file): show what would be saved
      const sidecar = articles.sidecar(editor.document.uri);
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(sidecar, null, 2) + '\n' });
      return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
    },

    'newsAnnotator.export': async (args?: ExportArgs) => {
      const editor = at.article();
      await at.viewOf(editor.document);
      return host.exporter.run(editor.document, articles.sidecar(editor.document.uri), args);
    },
  } satisfies Partial<Handlers<CommandId>>;
}
