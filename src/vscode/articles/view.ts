// What the editor shows for an article: the session's sidecar, projected onto the enabled types.
import type * as vscode from 'vscode';
import type { Annotation, AnnotationType, Entity, Orphan, ReferenceDate, Sidecar } from '../../core';

/** What the editor shows for an article. */
export interface ArticleView {
  uri: vscode.Uri;
  /** The document version the view was computed for. */
  version: number;
  /** Annotations of the enabled types, sorted by start. */
  annotations: Annotation[];
  entities: Entity[];
  referenceDate: ReferenceDate | null;
  orphans: Orphan[];
  /** Only the part on screen, while a big article is still being analyzed (no edits until it is complete). */
  partial?: boolean;
}

export function viewOf(uri: vscode.Uri, s: Sidecar | null, version: number, enabledTypes: readonly AnnotationType[]): ArticleView {
  const enabled = new Set<AnnotationType>(enabledTypes);
  const annotations: Annotation[] = (s?.annotations ?? [])
    .filter(a => enabled.has(a.type))
    .map(a => {
      const { prefix: _p, suffix: _s, ...rest } = a;
      return rest;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const entities = (s?.entities ?? []).filter(e => enabled.has(e.type));
  const ref = s?.document.referenceDate ? { value: s.document.referenceDate, source: s.document.referenceDateSource ?? 'detected' } : null;
  return { uri, version, annotations, entities, referenceDate: ref, orphans: s?.orphans ?? [] };
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
