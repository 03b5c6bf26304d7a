// Export Annotations: the core plans the files (the same plan as `news-annotator export`, brat's annotation.conf
// included) and checks them against the disk; this asks where, asks before replacing a file, and writes.
import * as vscode from 'vscode';
import {
  checkPlan,
  combinedShape,
  defaultCombinedName,
  defaultExportName,
  EXPORT_FORMATS,
  findExportFormat,
  planExport,
  readAhead,
  relativeReference,
  reviewCounts,
  type ExportFormat,
  type ExportPlan,
  type PathJoin,
  type TargetKind,
} from '../core';
import { plainText, type Sidecar } from '../core';
import { baseName } from './articles';
import { notify } from './notices';

/** Export files written at once (each a request to the editor's file service). */
const WRITES_AHEAD = 16;

export interface ExportArgs {
  format?: string;
  /** The main output file; companions (brat's .txt) go beside it under the same base name. */
  target?: vscode.Uri;
  /** Replace existing export files without asking (articles and sidecars are never replaced). */
  replace?: boolean;
  /** Only the reviewed annotations (accepted automatic ones and the user's own); asked when the format is picked. */
  reviewedOnly?: boolean;
}

/** URI strings as the plan's paths. */
const uriPaths: PathJoin = {
  join: (folder, relative) => vscode.Uri.joinPath(vscode.Uri.parse(folder), ...relative.split('/')).toString(),
  dirname: file => vscode.Uri.joinPath(vscode.Uri.parse(file), '..').toString(),
};

async function kindOf(uri: string): Promise<TargetKind> {
  try {
    const { type } = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    if (type & vscode.FileType.SymbolicLink) return 'symlink';
    if (type & vscode.FileType.Directory) return 'folder';
    return type & vscode.FileType.File ? 'file' : 'other';
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return 'missing';
    throw e;
  }
}

export class Exporter {
  async run(doc: vscode.TextDocument, sidecar: Sidecar | null, args?: ExportArgs): Promise<vscode.Uri | undefined> {
    if (!sidecar) throw new ExportError('This article has no annotations to export yet.');
    const format = await this.pickFormat(args?.format, "Export this article's annotations as…");
    if (!format) return undefined;
    let reviewedOnly = args?.reviewedOnly;
    const { reviewed, total } = reviewCounts(sidecar.annotations);
    if (reviewedOnly === undefined && !args?.format && reviewed < total) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: `All ${total} annotations`, reviewedOnly: false },
          { label: `Only the ${reviewed} reviewed`, description: 'accepted automatic ones and your own', reviewedOnly: true },
        ],
        { placeHolder: `${reviewed} of ${total} annotations are reviewed: export…` },
      );
      if (!pick) return undefined;
      reviewedOnly = pick.reviewedOnly;
    }
    const fileName = baseName(doc.uri);
    let target = args?.target;
    if (!target) {
      target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(doc.uri, '..', defaultExportName(fileName, format)),
        filters: { [format.label]: [format.extension.slice(1)] },
        title: `Export annotations (${format.label})`,
      });
    }
    if (!target) return undefined;
    const article = doc.uri.toString();
    const plan = planExport(
      format,
      [{ input: { fileName, text: doc.getText(), sidecar, uri: fileName }, source: article, relative: fileName }],
      { kind: 'file', file: target.toString() },
      uriPaths,
      undefined,
      { reviewedOnly: reviewedOnly === true },
    );
    if (!(await this.write(plan, [article], args?.replace))) return undefined;
    const note = plan.warnings.length ? ` ${plan.warnings.length} warning(s): ${plainText(plan.warnings.join(' '), 600)}` : '';
    void notify('info', `News Annotator: exported ${vscode.workspace.asRelativePath(target)}.${note}`);
    return target;
  }

  /**
   * Export Workspace: every article, either one output per article under a folder the user picks, or (formats that
   * hold several articles) all of them in one file. `args.combine` chooses without asking.
   */
  async runWorkspace(articles: readonly WorkspaceArticle[], args?: WorkspaceExportArgs): Promise<vscode.Uri | undefined> {
    if (articles.length === 0) throw new ExportError('No annotated articles in the workspace to export.');
    const format = await this.pickFormat(args?.format, `Export the annotations of ${articles.length} articles as…`, true);
    if (!format) return undefined;
    const combine = await this.pickCombine(format, articles.length, args);
    if (combine === undefined) return undefined;
    const target = args?.target ?? (await (combine ? this.askFile(format) : this.askFolder(format)));
    if (!target) return undefined;
    const plan = planExport(
      format,
      articles.map(a => ({
        // in one file, the path under the workspace tells apart articles of the same name in different folders
        input: { fileName: combine ? a.relative : baseName(a.uri), text: a.text, sidecar: a.sidecar },
        source: a.uri.toString(),
        relative: a.relative,
      })),
      combine ? { kind: 'file', file: target.toString() } : { kind: 'folder', folder: target.toString() },
      uriPaths,
      // W3C targets: the article as seen from the file its annotations go into
      (a, file) => relativeReference(file, a.source),
    );
    if (
      !(await this.write(
        plan,
        articles.map(a => a.uri.toString()),
        args?.replace,
      ))
    )
      return undefined;
    const note = plan.warnings.length ? ` ${plan.warnings.length} warning(s): ${plainText(plan.warnings.join(' '), 600)}` : '';
    void notify('info', `News Annotator: exported ${articles.length} articles ${combine ? 'to' : 'into'} ${vscode.workspace.asRelativePath(target)}.${note}`);
    return target;
  }

  /** One file for every article (true) or one per article (false); undefined: cancelled. */
  private async pickCombine(format: ExportFormat, count: number, args: WorkspaceExportArgs | undefined): Promise<boolean | undefined> {
    const shape = combinedShape(format);
    if (args?.combine === true && !shape) throw new ExportError(`${format.label} holds one article per file: export the workspace into a folder.`);
    if (args?.combine !== undefined || args?.format || !shape) return args?.combine ?? false;
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'One file per article', description: 'into a folder you choose, named after each article', combine: false },
        { label: `One file for all ${count} articles`, description: shape, combine: true },
      ],
      { placeHolder: `Export ${format.label}…` },
    );
    return pick?.combine;
  }

  private async askFolder(format: ExportFormat): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Export Here',
      title: `Export the workspace's annotations (${format.label}): one file per article`,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0];
  }

  private async askFile(format: ExportFormat): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      defaultUri: folder && vscode.Uri.joinPath(folder, defaultCombinedName(vscode.workspace.name ?? 'workspace', format)),
      filters: { [format.label]: [format.extension.slice(1)] },
      title: `Export the workspace's annotations (${format.label}): every article in one file`,
    });
  }

  /** `workspace`: each format says whether it can hold every article in one file (brat cannot). */
  private async pickFormat(id: string | undefined, placeHolder: string, workspace = false): Promise<ExportFormat | undefined> {
    if (id) {
      const format = findExportFormat(id);
      if (!format) throw new ExportError(`Unknown export format "${id}": use one of ${EXPORT_FORMATS.map(f => f.id).join(', ')}.`);
      return format;
    }
    const pick = await vscode.window.showQuickPick(
      EXPORT_FORMATS.map(f => ({
        label: f.label,
        description: f.description,
        ...(workspace ? { detail: combinedShape(f) ? 'one file per article, or all in one file' : 'one file per article only (into a folder)' } : {}),
        format: f,
      })),
      { placeHolder },
    );
    return pick?.format;
  }

  /**
   * Checks the plan against the disk (articles and sidecars are never replaced), asks before replacing an earlier
   * export unless `replace`, and writes it. Resolves false when the user declined.
   */
  private async write(plan: ExportPlan, articles: string[], replace: boolean | undefined): Promise<boolean> {
    const checked = await checkPlan(plan.files, articles, { kind: kindOf });
    if (checked.refused.length > 0) {
      const why = checked.refused.map(r => `${vscode.workspace.asRelativePath(vscode.Uri.parse(r.path))}: ${r.reason}`).join('; ');
      throw new ExportError(`Nothing was exported: ${why}.`);
    }
    if (checked.replace.length > 0 && !replace) {
      const names = checked.replace.map(f => vscode.workspace.asRelativePath(vscode.Uri.parse(f.path))).join(', ');
      const answer = await vscode.window.showWarningMessage(
        plainText(`Replace ${names}?`, 600),
        { modal: true, detail: 'An earlier export is already there.' },
        'Replace',
      );
      if (answer !== 'Replace') return false;
    }
    const enc = new TextEncoder();
    // each folder made once, then the files written WRITES_AHEAD at a time: one after another, each a request to the
    // editor's file service waited for, an export of 2,000 articles one file each took 15 s in code-server
    const folders = new Map(checked.write.map(f => vscode.Uri.joinPath(vscode.Uri.parse(f.path), '..')).map(u => [u.toString(), u]));
    for (const folder of folders.values()) await vscode.workspace.fs.createDirectory(folder);
    const write = async (f: (typeof checked.write)[number]) => vscode.workspace.fs.writeFile(vscode.Uri.parse(f.path), enc.encode(f.content));
    for await (const written of readAhead(checked.write, write, WRITES_AHEAD)) void written;
    return true;
  }
}

export interface WorkspaceExportArgs extends ExportArgs {
  /** Every article in one file (`target` names it) rather than one per article (`target` is the folder). */
  combine?: boolean;
}

/** The articles of a workspace export: each with its text, its sidecar and its path under the workspace folder. */
export interface WorkspaceArticle {
  uri: vscode.Uri;
  text: string;
  sidecar: Sidecar;
  relative: string;
}

/** A mistake the user can fix (shown as a message, not as a failure). */
export class ExportError extends Error {}
