// Outline, go to definition (the entity's first mention), references and same-entity highlights. With the corpus
// index: definition and references cross articles (the corpus-first mention, every mention in every article).
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, annotationAt, groups, sameAs, TYPE_PLURAL, type Annotation } from '../../core';
import type { ArticleView, ArticleViews } from '../articles';
import type { CorpusNavigation } from '../corpus/navigation';
import { TYPE_ICONS } from '../typeIcons';

function range(doc: vscode.TextDocument, a: Annotation): vscode.Range {
  return new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
}

/** The mention's range, cut at the end of its first line (a name can run over a line break). */
function oneLine(doc: vscode.TextDocument, a: Annotation): vscode.Range {
  const start = doc.positionAt(a.start);
  const end = doc.positionAt(a.end);
  return new vscode.Range(start, end.line === start.line ? end : doc.lineAt(start.line).range.end);
}

export class ArticleLanguageFeatures
  implements vscode.DocumentSymbolProvider, vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentHighlightProvider
{
  constructor(
    private readonly articles: ArticleViews,
    private readonly corpus?: CorpusNavigation,
  ) {}

  private current(doc: vscode.TextDocument): ArticleView | undefined {
    const v = this.articles.get(doc.uri);
    return v && v.version === doc.version ? v : undefined;
  }

  private at(doc: vscode.TextDocument, position: vscode.Position): { view: ArticleView; a: Annotation } | undefined {
    const view = this.current(doc);
    const a = view && annotationAt(view, doc.offsetAt(position));
    return view && a ? { view, a } : undefined;
  }

  /**
   * Types -> entities for the Outline and breadcrumbs. Every symbol's range is one mention on one line (the entity's
   * first, the type's first): a range from an entity's first to its last mention would make sticky scroll pin an
   * article sentence over the text and the breadcrumbs name an entity on lines that do not mention it.
   */
  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const view = this.current(doc);
    if (!view) return [];
    const out: vscode.DocumentSymbol[] = [];
    for (const type of ANNOTATION_TYPES) {
      const children = groups(view, type, vscode.env.language).map(g => {
        const first = oneLine(doc, g.mentions[0]);
        const detail = `${g.mentions.length} mention${g.mentions.length === 1 ? '' : 's'}`;
        return new vscode.DocumentSymbol(g.name, detail, TYPE_ICONS[type].symbolKind, first, first);
      });
      if (children.length === 0) continue;
      const first = children.reduce((r, c) => (c.range.start.isBefore(r.start) ? c.range : r), children[0].range);
      const group = new vscode.DocumentSymbol(TYPE_PLURAL[type], `${children.length}`, TYPE_ICONS[type].symbolKind, first, first);
      group.children = children;
      out.push(group);
    }
    return out;
  }

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const entity = this.corpus?.entityAt(doc, position);
    const across = entity && this.corpus?.definition(entity);
    if (across) return across;
    const hit = this.at(doc, position);
    if (!hit) return undefined;
    const first = sameAs(hit.view, hit.a)[0] ?? hit.a;
    return new vscode.Location(doc.uri, range(doc, first));
  }

  provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const entity = this.corpus?.entityAt(doc, position);
    if (entity && this.corpus) return this.corpus.references(entity, context.includeDeclaration);
    const hit = this.at(doc, position);
    if (!hit) return [];
    const all = sameAs(hit.view, hit.a);
    const list = context.includeDeclaration ? all : all.slice(1);
    return list.map(a => new vscode.Location(doc.uri, range(doc, a)));
  }

  provideDocumentHighlights(doc: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] {
    const hit = this.at(doc, position);
    if (!hit) return [];
    return sameAs(hit.view, hit.a).map(
      (a, i) => new vscode.DocumentHighlight(range(doc, a), i === 0 ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read),
    );
  }
}
