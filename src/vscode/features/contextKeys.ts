// The context keys the package.json when-clauses read (src/vscode/commands/contributions.ts: CONTEXT).
import * as vscode from 'vscode';
import type { CONTEXT } from '../commands/contributions';

type ContextKey = (typeof CONTEXT)[keyof typeof CONTEXT];

export class ContextKeys {
  private readonly values = new Map<ContextKey, boolean>();

  /** Tells the workbench, only when the value changes (selection changes are frequent). */
  set(key: ContextKey, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
