// The status bar item on an article: mentions per enabled type in words, a tooltip, and what a screen reader says.
import { ANNOTATION_TYPES, type AnnotationType } from '../types';
import { humanDate } from './dateText';
import type { ArticleSnapshot } from './snapshot';
import { TYPE_WORDS } from './typeWords';

export interface StatusText {
  /** With a `$(tag)` icon, e.g. `$(tag) People 4 · Places 2 · Orgs 0 · Dates 1`. */
  text: string;
  tooltip: string;
  /** The text without icon syntax. */
  accessibilityLabel: string;
}

/** Mentions per enabled type, e.g. `$(tag) People 4 · Places 2 · Orgs 0 · Dates 1`; the reference date in words of `locale`. */
export function statusText(article: ArticleSnapshot, enabled: readonly AnnotationType[], highlightsVisible = true, locale?: string): StatusText {
  const counts = ANNOTATION_TYPES.filter(t => enabled.includes(t)).map(t => `${TYPE_WORDS[t].short} ${article.annotations.filter(a => a.type === t).length}`);
  const text = `$(tag) ${counts.join(' · ')}`;
  const ref = article.referenceDate
    ? `Reference date ${humanDate(article.referenceDate.value, { locale })} (${article.referenceDate.value}, ${article.referenceDate.source === 'user' ? 'set by you' : 'detected'})`
    : 'No reference date';
  const orphans = article.orphans.length ? `\n${article.orphans.length} orphaned annotation(s): run News Annotator: Show Orphaned Annotations` : '';
  const tooltip = `News Annotator: mentions per type in this article${highlightsVisible ? '' : ' (highlights hidden)'}\n${ref}${orphans}\nClick to open the Entities view.`;
  return { text, tooltip, accessibilityLabel: `News Annotator: ${text.replace(/\$\([^)]*\)\s*/g, '')}` };
}
