// What the editor shows for an article: the session's sidecar, projected onto the enabled types.
import type * as vscode from 'vscode';
import type { Annotation, AnnotationType, Entity, Orphan, ReferenceDate, Sidecar, SidecarAnnotation } from '../../core';

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

/** What the view shows of a stored annotation: the same fields without the context. */
function viewAnnotation(a: SidecarAnnotation): Annotation {
  const { prefix: _p, suffix: _s, ...rest } = a;
  return rest;
}

const bySpan = (a: Annotation, b: Annotation) => a.start - b.start || a.end - b.end;

export function viewOf(uri: vscode.Uri, s: Sidecar | null, version: number, enabledTypes: readonly AnnotationType[]): ArticleView {
  const enabled = new Set<AnnotationType>(enabledTypes);
  const annotations: Annotation[] = [];
  let sorted = true;
  for (const a of s?.annotations ?? []) {
    if (!enabled.has(a.type)) continue;
    const out = viewAnnotation(a);
    if (sorted && annotations.length > 0 && bySpan(annotations[annotations.length - 1], out) > 0) sorted = false;
    annotations.push(out);
  }
  // stored auto annotations come in text order (the manual ones after them): a sort only when something is out of it
  if (!sorted) annotations.sort(bySpan);
  const entities = (s?.entities ?? []).filter(e => enabled.has(e.type));
  const ref = s?.document.referenceDate ? { value: s.document.referenceDate, source: s.document.referenceDateSource ?? 'detected' } : null;
  return { uri, version, annotations, entities, referenceDate: ref, orphans: s?.orphans ?? [] };
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
