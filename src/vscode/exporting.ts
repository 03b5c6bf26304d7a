// Export Annotations: the core's format registry, written where the user chooses (next to the article by default).
import * as vscode from 'vscode';
import { EXPORT_FORMATS, findExportFormat, type ExportFormat } from '../core/export';
import type { Sidecar } from '../core/sidecar';
import { baseName } from './articles';
import { plainText } from '../core';
import { notify } from './notices';

export interface ExportArgs {
  format?: string;
  /** The main output file; companions (brat's .txt) go beside it under the same base name. */
  target?: vscode.Uri;
}

export class Exporter {
  async run(doc: vscode.TextDocument, sidecar: Sidecar | null, args?: ExportArgs): Promise<vscode.Uri | undefined> {
    if (!sidecar) throw new ExportError('This article has no annotations to export yet.');
    let format: ExportFormat | undefined;
    if (args?.format) {
      format = findExportFormat(args.format);
      if (!format) throw new ExportError(`Unknown export format "${args.format}": use one of ${EXPORT_FORMATS.map(f => f.id).join(', ')}.`);
    } else {
      const pick = await vscode.window.showQuickPick(EXPORT_FORMATS.map(f => ({ label: f.label, description: f.description, format: f })), {
        placeHolder: 'Export this article\'s annotations as…',
      });
      format = pick?.format;
    }
    if (!format) return undefined;
    const fileName = baseName(doc.uri);
    const stem = fileName.replace(/\.[^.]+$/, '');
    let target = args?.target;
    if (!target) {
      target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(doc.uri, '..', stem + format.extension),
        filters: { [format.label]: [format.extension.slice(1)] },
        title: `Export annotations (${format.label})`,
      });
    }
    if (!target) return undefined;
    const result = format.export([{ fileName, text: doc.getText(), sidecar, uri: fileName }]);
    const enc = new TextEncoder();
    await vscode.workspace.fs.writeFile(target, enc.encode(result.content));
    const targetStem = target.path.replace(/\.[^./]+$/, '');
    for (const c of result.companions) {
      const companion = target.with({ path: targetStem + c.extension });
      // never overwrite the article itself (brat's companion .txt may share its name)
      if (companion.toString() === doc.uri.toString()) continue;
      await vscode.workspace.fs.writeFile(companion, enc.encode(c.content));
    }
    const note = result.warnings.length ? ` ${result.warnings.length} warning(s): ${plainText(result.warnings.join(' '), 600)}` : '';
    void notify('info', `News Annotator: exported ${vscode.workspace.asRelativePath(target)}.${note}`);
    return target;
  }
}

/** A mistake the user can fix (shown as a message, not as a failure). */
export class ExportError extends Error {}
