// What the commands need from the rest of the extension.
import type * as vscode from 'vscode';
import type { Articles, ArticleView } from '../articles';
import type { AnnotationMode } from '../features/annotationMode';
import type { WorkspaceCorpus } from '../corpus';
import type { EntityTreeProvider } from '../features/entityTree';
import type { Exporter } from '../exporting';
import type { TimelinePanel } from '../timeline';

export interface CommandHost {
  articles: Articles;
  tree: EntityTreeProvider;
  exporter: Exporter;
  corpus: WorkspaceCorpus;
  timeline: TimelinePanel;
  mode: AnnotationMode;
  toggleHighlights(visible?: boolean): boolean;
  reannotate(doc: vscode.TextDocument): Promise<ArticleView | undefined>;
}
