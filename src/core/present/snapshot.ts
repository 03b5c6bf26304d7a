// What the presentation functions read about an article: plain data, no host types, so the editor's view of an
// article (src/vscode's ArticleView) is one structurally and Node tests can build one from an analysis.
import type { Orphan } from '../sidecar/types';
import type { Annotation, Entity, ReferenceDate } from '../types';

export interface ArticleSnapshot {
  /** Annotations of the enabled types, sorted by start. */
  readonly annotations: readonly Annotation[];
  readonly entities: readonly Entity[];
  readonly referenceDate: ReferenceDate | null;
  readonly orphans: readonly Orphan[];
  /** Only part of the article is analysed yet (a big article being analysed chunk by chunk). */
  readonly partial?: boolean;
}
