import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, openScratch, settledView, waitFor } from './helpers';

const ARTICLE = 'Angela Merkel met Vladimir Putin in Berlin on Tuesday, the Kremlin said.\n';

describe('High Contrast themes', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
  });

  for (const theme of ['Default High Contrast', 'Default High Contrast Light']) {
    it(`${theme}: the highlights are redrawn with a border per type, and back on leaving it`, async () => {
      const editor = await openScratch('theme-hc.txt', ARTICLE);
      const a = await api();
      await settledView(editor.document.uri);
      assert.equal(a.highlightsHighContrast(), false);
      const before = a.getDecorations(editor.document.uri)!;
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => a.highlightsHighContrast(), `the ${theme} theme is seen`);
      // the new decoration types are drawn over the same ranges
      await waitFor(() => {
        const now = a.getDecorations(editor.document.uri);
        return now !== before && JSON.stringify(now) === JSON.stringify(before);
      }, 'redrawn');
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => !a.highlightsHighContrast(), 'back to the default theme');
    });
  }
});
