// Article text is untrusted: it goes into hovers only as escaped text in an untrusted MarkdownString.
import * as vscode from 'vscode';

/**
 * Backslash-escapes every ASCII punctuation character (CommonMark allows it for all of them), which also
 * breaks autolinks (`https\:`, `www\.`) and raw HTML (`\<`); line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, ch => '\\' + ch);
}

export function untrustedMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/**
 * Article text for notifications, status messages and quick picks, which render `[label](command:...)` links and
 * `$(icon)` syntax: a zero-width space breaks both without changing what the user reads.
 */
export function plainText(text: string, max = 120): string {
  let out = text.replace(/\s+/g, ' ').replace(/\]\(/g, ']\u200b(').replace(/\$\(/g, '$\u200b(');
  if (out.length > max) out = out.slice(0, max - 1) + '…';
  return out;
}
