// Hover summaries: what the highlight means, in words (so nothing depends on colour), as untrusted markdown.
import * as vscode from 'vscode';
import type { Annotation } from '../core';
import type { ArticleView, ArticleViews } from './articles';
import { annotationAt, datePrecision, entityOf, sameAs, sentenceAround, TYPE_LABEL } from './lookup';
import { escapeMarkdown, untrustedMarkdown } from './markdown';

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly articles: ArticleViews) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const view = this.articles.get(doc.uri);
    if (!view || view.version !== doc.version) return undefined;
    const a = annotationAt(view, doc.offsetAt(position));
    if (!a) return undefined;
    const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
    return new vscode.Hover(hoverMarkdown(view, a, doc), range);
  }
}

export function hoverMarkdown(view: ArticleView, a: Annotation, doc: vscode.TextDocument): vscode.MarkdownString {
  const md = untrustedMarkdown();
  const lines: string[] = [];
  const source = a.source === 'manual' ? 'added or corrected by you (manual)' : 'found automatically (auto)';
  if (a.type === 'date') {
    lines.push(`**${TYPE_LABEL.date}**: ${escapeMarkdown(a.text)}`);
    if (a.value) {
      lines.push(`Value: ${escapeMarkdown(a.value)}`);
      const precision = datePrecision(a.value);
      if (precision) lines.push(`Precision: ${precision}`);
    } else {
      lines.push('Value: unresolved');
    }
    const ref = view.referenceDate;
    if (ref) lines.push(`Reference date: ${escapeMarkdown(ref.value)} (${ref.source === 'user' ? 'set by you' : 'detected in the article'})`);
    else lines.push('Reference date: none, so relative dates are unresolved: set one with News Annotator: Set Reference Date');
  } else {
    const entity = entityOf(view, a);
    const mentions = sameAs(view, a);
    lines.push(`**${TYPE_LABEL[a.type]}**: ${escapeMarkdown(entity?.name ?? a.text)}`);
    const aliases = entity?.aliases.length ? entity.aliases : [a.text];
    lines.push(`Aliases: ${aliases.map(escapeMarkdown).join(', ')}`);
    lines.push(`Mentions in this article: ${mentions.length}`);
    const first = mentions[0] ?? a;
    const line = doc.positionAt(first.start).line + 1;
    lines.push(`First mention (line ${line}): ${escapeMarkdown(sentenceAround(doc.getText(), first.start, first.end))}`);
  }
  lines.push(`Source: ${source}`);
  if (a.note) lines.push(`Note: ${escapeMarkdown(a.note)}`);
  // two trailing spaces would be a hard break; a blank line between items keeps them apart in every renderer
  md.appendMarkdown(lines.join('\n\n'));
  return md;
}
