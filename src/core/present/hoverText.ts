// The hover summary of an annotation: what the highlight means, in words (so nothing depends on colour), as
// Markdown in which every piece of article or user text is escaped. The host wraps it in an untrusted string.
import type { Annotation } from '../types';
import { humanDate } from './dateText';
import { escapeMarkdown } from './markdownEscape';
import { entityOf, lineOf, sameAs, sentenceAround } from './query';
import { reviewLine } from './review';
import { shorten } from './shorten';
import type { ArticleSnapshot } from './snapshot';
import { PRECISION_WORDS, TYPE_LABEL } from './typeWords';

/** Longest quoted mention, name or alias (a whole-article annotation must not make a megabyte hover). */
export const HOVER_QUOTE_MAX = 300;
/** Longest note shown. */
export const HOVER_NOTE_MAX = 1000;
/** Aliases listed before "and N more". */
export const HOVER_ALIASES_MAX = 20;

/** Article or user text, shortened and escaped. */
const quote = (text: string, max = HOVER_QUOTE_MAX) => escapeMarkdown(shorten(text, max));

/** The hover's Markdown for `a`, an annotation of `article`, whose text is `text`; dates in words of `locale`. */
export function hoverText(article: ArticleSnapshot, a: Annotation, text: string, locale?: string): string {
  const lines = a.type === 'date' ? dateLines(article, a, locale) : entityLines(article, a, text);
  lines.push(`Source: ${a.source === 'manual' ? 'added or corrected by you (manual)' : 'found automatically (auto)'}`);
  lines.push(reviewLine(a));
  if (a.note) lines.push(`Note: ${quote(a.note, HOVER_NOTE_MAX)}`);
  // two trailing spaces would be a hard break; a blank line between items keeps them apart in every renderer
  return lines.join('\n\n');
}

function dateLines(article: ArticleSnapshot, a: Annotation, locale: string | undefined): string[] {
  const lines = [`**${TYPE_LABEL.date}**: ${quote(a.text)}`];
  if (a.value) {
    // the readable form for people; the TIMEX3 value beside it is what the sidecar and the exports hold
    lines.push(`When: ${quote(humanDate(a.value, { locale, referenceDate: article.referenceDate?.value }))}`);
    lines.push(`Value: ${quote(a.value)}`);
    if (a.precision) lines.push(`Precision: ${PRECISION_WORDS[a.precision]}`);
  } else {
    lines.push('Value: unresolved');
  }
  const ref = article.referenceDate;
  if (ref)
    lines.push(
      `Reference date: ${quote(humanDate(ref.value, { locale }))} (${quote(ref.value)}, ${ref.source === 'user' ? 'set by you' : 'detected in the article'})`,
    );
  else lines.push('Reference date: none, so relative dates are unresolved: set one with News Annotator: Set Reference Date');
  return lines;
}

function entityLines(article: ArticleSnapshot, a: Annotation, text: string): string[] {
  const entity = entityOf(article, a);
  const mentions = sameAs(article, a);
  const aliases = entity?.aliases.length ? entity.aliases : [a.text];
  const more = aliases.length > HOVER_ALIASES_MAX ? ` and ${aliases.length - HOVER_ALIASES_MAX} more` : '';
  const first = mentions[0] ?? a;
  return [
    `**${TYPE_LABEL[a.type]}**: ${quote(entity?.name ?? a.text)}`,
    `Aliases: ${aliases
      .slice(0, HOVER_ALIASES_MAX)
      .map(x => quote(x))
      .join(', ')}${more}`,
    `Mentions in this article: ${mentions.length}`,
    `First mention (line ${lineOf(text, first.start) + 1}): ${escapeMarkdown(sentenceAround(text, first.start, first.end))}`,
  ];
}
