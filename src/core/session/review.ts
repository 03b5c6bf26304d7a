// Review state: the user accepts annotations one by one (or the rest of the article at once). An accepted automatic
// annotation stays automatic (its source says who found it) and gets `reviewed: true`; reconcile carries that over to
// the fresh analysis's annotation at the same span and type. A manual annotation is the user's own work, so it counts
// as reviewed without the flag. These are edits like the others: run them through ArticleSession.edit, which records
// them for undo and redo.
import { EditError } from '../sidecar/edit';
import type { Sidecar, SidecarAnnotation } from '../sidecar/types';
import type { Annotation } from '../types';

/** Whether the user has accepted `a`: reviewed explicitly, or manual (added or corrected by the user). */
export function isReviewed(a: Pick<Annotation, 'source' | 'reviewed'>): boolean {
  return a.source === 'manual' || a.reviewed === true;
}

export interface ReviewCounts {
  reviewed: number;
  total: number;
}

/** How many of `annotations` are reviewed. */
export function reviewCounts(annotations: readonly Pick<Annotation, 'source' | 'reviewed'>[]): ReviewCounts {
  let reviewed = 0;
  for (const a of annotations) if (isReviewed(a)) reviewed++;
  return { reviewed, total: annotations.length };
}

const accepted = (a: SidecarAnnotation): SidecarAnnotation => (isReviewed(a) ? a : { ...a, reviewed: true });

/** Accepts the annotations with these ids (already reviewed ones stay as they are). Throws for an unknown id. */
export function acceptAnnotations(s: Sidecar, ids: readonly string[]): Sidecar {
  const wanted = new Set(ids);
  for (const id of wanted) if (!s.annotations.some(a => a.id === id)) throw new EditError(`No annotation with id "${id}".`);
  return { ...s, annotations: s.annotations.map(a => (wanted.has(a.id) ? accepted(a) : a)) };
}

/** Accepts every annotation of the article not yet reviewed ("Mark Article Reviewed"). */
export function acceptAll(s: Sidecar): Sidecar {
  return { ...s, annotations: s.annotations.map(accepted) };
}
