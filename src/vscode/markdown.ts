// Article text is untrusted: it goes into hovers only as escaped text (src/core/present/markdownEscape.ts) in an
// untrusted MarkdownString.
import * as vscode from 'vscode';

export function untrustedMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}
