// The extension's settings as last read: every part reads them through `current`, so a change reaches all of them.
// They are read again here, before any part hears of the change (onDidChange): a part that listened to the
// workspace's own configuration event could run before the new settings were read, and act on the old ones (the
// corpus index did: a new article file pattern re-listed the workspace with the previous patterns).
import * as vscode from 'vscode';
import { readSettings, SECTION, type Settings } from '../config';

export interface SettingsChange {
  event: vscode.ConfigurationChangeEvent;
  /** The settings before the change (`current` holds the new ones). */
  before: Settings;
}

export class LiveSettings implements vscode.Disposable {
  private value: Settings = readSettings();
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  /** Fires after a change of the extension's settings, once `current` holds them. */
  readonly onDidChange = this.changed.event;
  private readonly listener = vscode.workspace.onDidChangeConfiguration(event => {
    if (!event.affectsConfiguration(SECTION)) return;
    const before = this.value;
    this.value = readSettings();
    this.changed.fire({ event, before });
  });

  get current(): Settings {
    return this.value;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
