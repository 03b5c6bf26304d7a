// Review progress and review navigation, in words and offsets the hosts show: "34 of 51 reviewed" in the status bar
// and the Entities view, "reviewed" / "not reviewed" in the hover, and the next mention still to review.
import { reviewCounts, isReviewed } from '../session/review';
import type { Annotation } from '../types';
import { annotationAt } from './query';
import type { ArticleSnapshot } from './snapshot';

/** "34 of 51 reviewed" (mentions of the enabled types); "no mentions to review" for none. */
export function reviewProgressText(article: Pick<ArticleSnapshot, 'annotations'>): string {
  const { reviewed, total } = reviewCounts(article.annotations);
  if (total === 0) return 'no mentions to review';
  return `${reviewed} of ${total} reviewed`;
}

/** The hover's line: whether the mention is reviewed, and why (the user's own annotations count as reviewed). */
export function reviewLine(a: Pick<Annotation, 'source' | 'reviewed'>): string {
  if (a.source === 'manual') return 'Review: reviewed (your own annotation)';
  return isReviewed(a) ? 'Review: reviewed (accepted by you)' : 'Review: not reviewed';
}

/**
 * The next (1) or previous (-1) mention not yet reviewed, from `offset` (a mention at the offset itself is skipped, so
 * repeating the command moves on); wraps around the article. Undefined when every mention is reviewed.
 */
export function nextUnreviewed(article: ArticleSnapshot, offset: number, direction: 1 | -1): Annotation | undefined {
  // from inside a mention, count from its start: "previous" must not land on the mention the cursor is in
  offset = annotationAt(article, offset)?.start ?? offset;
  const open = article.annotations.filter(a => !isReviewed(a));
  if (open.length === 0) return undefined;
  if (direction === 1) return open.find(a => a.start > offset) ?? open[0];
  return [...open].reverse().find(a => a.start < offset) ?? open[open.length - 1];
}
