// Grouping for the Entities view and the Outline: the mentions of each entity, and dates by what they mean.
import type { Annotation, AnnotationType, Entity } from '../types';
import { humanDate } from './dateText';
import type { ArticleSnapshot } from './snapshot';

export interface MentionGroup {
  /** The entity id; for dates `value:<value>` when resolved, else `text:<text>` (lower case, spaces collapsed). Unique within a type. */
  key: string;
  type: AnnotationType;
  /** The entity's canonical name; for a resolved date its value in words ("Tue 24 Nov 2015"), else its text. */
  name: string;
  /** In article order. */
  mentions: Annotation[];
}

/**
 * The groups of one type in order of first mention; dates group by resolved value ("Today" and "today" are one
 * group), else by text regardless of case and spacing (an unresolved "Today" and "today" are one group too, named
 * as first written). Date names are in words of `locale`.
 */
export function groups(article: ArticleSnapshot, type: AnnotationType, locale?: string): MentionGroup[] {
  const entities = new Map<string, Entity>(article.entities.map(e => [e.id, e]));
  const out = new Map<string, MentionGroup>();
  for (const a of article.annotations) {
    if (a.type !== type) continue;
    const key = a.entity ?? (a.value ? `value:${a.value}` : `text:${a.text.replace(/\s+/gu, ' ').toLowerCase()}`);
    let g = out.get(key);
    if (!g) {
      const entity = a.entity ? entities.get(a.entity) : undefined;
      const name = entity?.name ?? (a.value ? humanDate(a.value, { locale, referenceDate: article.referenceDate?.value }) : a.text);
      g = { key, type, name, mentions: [] };
      out.set(key, g);
    }
    g.mentions.push(a);
  }
  return [...out.values()];
}
