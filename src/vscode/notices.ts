// Every notification the extension shows goes through here: article text and file names in a message are
// neutralised (notifications render `[label](command:...)` as a clickable command link, and `$(icon)`), and the
// recent messages are kept so the integration tests can see what the user was told.
import * as vscode from 'vscode';
import { plainText } from '../core';

export type NoticeLevel = 'info' | 'warning' | 'error';
export interface Notice {
  /** 1, 2, ...: the order of all notices ever shown, so a test can tell a new one from an old one after the list is cut. */
  seq: number;
  level: NoticeLevel;
  message: string;
  /** The buttons offered. */
  actions: string[];
}

const RECENT = 50;
const recent: Notice[] = [];
let shown = 0;

export function notify(level: NoticeLevel, message: string, ...actions: string[]): Thenable<string | undefined> {
  const safe = plainText(message, 1000);
  recent.push({ seq: ++shown, level, message: safe, actions });
  if (recent.length > RECENT) recent.shift();
  if (level === 'error') return vscode.window.showErrorMessage(safe, ...actions);
  if (level === 'warning') return vscode.window.showWarningMessage(safe, ...actions);
  return vscode.window.showInformationMessage(safe, ...actions);
}

/** The latest notifications, oldest first. */
export function recentNotices(): Notice[] {
  return [...recent];
}
