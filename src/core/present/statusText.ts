// The status bar item on an article and the Entities view's counts: what is counted is always said in words
// (entities, mentions, dates), the same words in both places, with a per-type breakdown in the tooltip.
import { ANNOTATION_TYPES, ENTITY_TYPES, type AnnotationType } from '../types';
import { humanDate } from './dateText';
import { groups } from './groups';
import type { ArticleSnapshot } from './snapshot';
import { TYPE_WORDS } from './typeWords';

export interface StatusText {
  /** With a `$(tag)` icon, e.g. `$(tag) 12 entities · 31 mentions · 5 dates`. */
  text: string;
  tooltip: string;
  /** The text without icon syntax. */
  accessibilityLabel: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How many of one type: `4 entities · 9 mentions` (people, places, organizations) or `5 dates` (date mentions). */
export function typeCountWords(type: AnnotationType, entities: number, mentions: number): string {
  if (type === 'date') return plural(mentions, 'date', 'dates');
  return `${plural(entities, 'entity', 'entities')} · ${plural(mentions, 'mention', 'mentions')}`;
}

/**
 * The article's counts over the enabled types: `12 entities · 31 mentions · 5 dates`: entities are the people,
 * places and organizations (as the Entities view groups them), mentions their mentions, dates the date mentions.
 */
export function countWords(article: ArticleSnapshot, enabled: readonly AnnotationType[], locale?: string): string {
  const named: AnnotationType[] = ENTITY_TYPES.filter(t => enabled.includes(t));
  const parts: string[] = [];
  if (named.length > 0) {
    const entities = named.reduce((n, t) => n + groups(article, t, locale).length, 0);
    const mentions = article.annotations.filter(a => named.includes(a.type)).length;
    parts.push(typeCountWords('person', entities, mentions));
  }
  if (enabled.includes('date')) parts.push(typeCountWords('date', 0, article.annotations.filter(a => a.type === 'date').length));
  return parts.length ? parts.join(' · ') : 'no types enabled';
}

/** The status bar item: the counts in words; the tooltip breaks them down per type and gives the reference date in words of `locale`. */
export function statusText(article: ArticleSnapshot, enabled: readonly AnnotationType[], highlightsVisible = true, locale?: string): StatusText {
  const words = countWords(article, enabled, locale);
  const text = `$(tag) ${words}`;
  const perType = ANNOTATION_TYPES.filter(t => enabled.includes(t)).map(
    t => `${TYPE_WORDS[t].plural}: ${typeCountWords(t, groups(article, t, locale).length, article.annotations.filter(a => a.type === t).length)}`,
  );
  const ref = article.referenceDate
    ? `Reference date ${humanDate(article.referenceDate.value, { locale })} (${article.referenceDate.value}, ${article.referenceDate.source === 'user' ? 'set by you' : 'detected'})`
    : 'No reference date';
  const orphans = article.orphans.length ? `\n${article.orphans.length} orphaned annotation(s): run News Annotator: Show Orphaned Annotations` : '';
  const tooltip = `News Annotator${highlightsVisible ? '' : ' (highlights hidden)'}\n${perType.join('\n')}\n${ref}${orphans}\nClick to open the Entities view.`;
  return { text, tooltip, accessibilityLabel: `News Annotator: ${words}` };
}
