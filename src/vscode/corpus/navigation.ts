// Navigation across the corpus: workspace symbols (an entity by any alias, one result per article that mentions it,
// opening its first mention there; the corpus-first article first), and for the language features of an article,
// the corpus entity under the cursor with its mentions in every article and its first mention in the corpus.
import * as vscode from 'vscode';
import { findEntities, mentionsOf, nameKey, type CorpusEntity, type CorpusMention } from '../../core';
import { TYPE_ICONS } from '../typeIcons';
import type { CorpusIndex } from './corpusIndex';
import { positionIn } from './positions';

/** Enough for the quick-open list; the query narrows it as the user types. */
const MAX_SYMBOLS = 500;

/** Resolves when `promise` settles or the request is cancelled, whichever comes first. */
async function untilSettledOrCancelled(promise: Promise<unknown>, token: vscode.CancellationToken): Promise<void> {
  let cancelled: vscode.Disposable | undefined;
  try {
    await Promise.race([promise.catch(() => undefined), new Promise<void>(resolve => (cancelled = token.onCancellationRequested(() => resolve())))]);
  } finally {
    cancelled?.dispose();
  }
}

export class CorpusNavigation implements vscode.WorkspaceSymbolProvider {
  constructor(
    private readonly index: CorpusIndex,
    /** Settles when the workspace's first indexing is done (decisions read, every article read or analysed). */
    private readonly firstIndexing: () => Promise<unknown>,
  ) {}

  location(m: { path: string; start: number; end: number }): vscode.Location | undefined {
    const uri = this.index.uriOf(m.path);
    const article = this.index.corpus.article(m.path);
    if (!uri || !article) return undefined;
    const s = positionIn(article, article.text, m.start);
    const e = positionIn(article, article.text, m.end);
    return new vscode.Location(uri, new vscode.Range(s.line, s.character, e.line, e.character));
  }

  async provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    // Ctrl+T right after the workspace opens: wait for the first indexing rather than answer from the part of the
    // workspace indexed so far (a person would be missing from articles not read yet). The quick-open list shows a
    // progress bar meanwhile; typing on cancels this request and asks again.
    await untilSettledOrCancelled(this.firstIndexing(), token);
    if (token.isCancellationRequested) return [];
    const out: vscode.SymbolInformation[] = [];
    for (const { entity, alias } of findEntities(this.index.corpus, query)) {
      // the workbench filters by the label: show the alias that matched when the name itself does not contain it
      const label = nameKey(entity.name).includes(nameKey(query)) ? entity.name : `${entity.name} (${alias})`;
      for (const m of this.firstPerArticle(entity)) {
        const location = this.location(m);
        if (location) out.push(new vscode.SymbolInformation(label, TYPE_ICONS[entity.type].symbolKind, m.path, location));
      }
      if (out.length >= MAX_SYMBOLS) break;
    }
    return out;
  }

  /** The entity's first mention in each article, the article of its corpus-first mention first. */
  private firstPerArticle(entity: CorpusEntity): CorpusMention[] {
    const seen = new Set<string>([entity.firstMention.path]);
    const out = [entity.firstMention];
    for (const m of mentionsOf(this.index.corpus, entity.id)) {
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      out.push(m);
    }
    return out;
  }

  /** The corpus entity at the position, when the index holds the document's text as it is now. */
  entityAt(doc: vscode.TextDocument, position: vscode.Position): CorpusEntity | undefined {
    const path = this.index.keyOf(doc.uri);
    const article = this.index.corpus.article(path);
    if (!article || article.text !== doc.getText()) return undefined; // typing since: the article's own features answer
    return this.index.corpus.entityAt(path, doc.offsetAt(position));
  }

  definition(entity: CorpusEntity): vscode.Location | undefined {
    return this.location(entity.firstMention);
  }

  references(entity: CorpusEntity, includeDeclaration: boolean): vscode.Location[] {
    const first = entity.firstMention;
    return mentionsOf(this.index.corpus, entity.id)
      .filter(m => includeDeclaration || m.path !== first.path || m.start !== first.start)
      .flatMap(m => this.location(m) ?? []);
  }
}
