// The user lexicon: its names always win over the model, on span and type.
import type { AnnotationType, EntityType, Lexicon, Span } from '../types';
import { withoutOverlapsWith } from '../spans';
import type { LineSource } from './lines';
import { ENTITY_TYPE_SET, mergeDedupe, normalise, working, type Working } from './mention-set';
import { tokenize } from './tokenize';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isBoundary = (text: string, i: number) => i <= 0 || i >= text.length || !WORD_CHAR.test(text[i]);

/** Where the lexicon's names occur: names of things, and spans the user marked as dates. Sorted, without overlaps. */
export interface LexiconMatches {
  names: Working[];
  dates: Span[];
}

interface Match extends Span {
  type: AnnotationType;
  surface: string;
}

export const NO_MATCHES: LexiconMatches = { names: [], dates: [] };

/**
 * Every whole-word occurrence of a lexicon name, the longest winning where names overlap ("New York Times" over
 * "New York"). Date entries count only `withDates` (the entity grouping on its own ignores them).
 */
export function findLexiconMatches(text: string, lines: LineSource, lexicon: Lexicon, withDates: boolean): LexiconMatches {
  const names = Object.entries(lexicon).filter(([name, type]) => name.trim() && (ENTITY_TYPE_SET.has(type) || (withDates && type === 'date')));
  if (names.length === 0) return NO_MATCHES;
  const forced: Match[] = [];
  // Capitalised names are matched word by word over the (memoised) capitalised tokens: the cost does not grow
  // with the size of the lexicon. Others ("al-Qaeda") are searched as text.
  const byFirst = new Map<string, { words: string[]; type: AnnotationType }[]>();
  for (const [name, type] of names) {
    const key = name.trim();
    const words = tokenize(key).map(t => t.text);
    if (/^\p{Lu}/u.test(key) && words.length > 0) {
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, type });
      list.sort((a, b) => b.words.length - a.words.length);
      byFirst.set(words[0], list);
      continue;
    }
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      if (isBoundary(text, i - 1) && isBoundary(text, i + key.length)) {
        forced.push({ start: i, end: i + key.length, type, surface: normalise(key) });
      }
    }
  }
  if (byFirst.size > 0) {
    lines((lineStart, { tokens, capitals }) => {
      for (const i of capitals) {
        for (const e of byFirst.get(tokens[i].text) ?? []) {
          const last = i + e.words.length - 1;
          if (last >= tokens.length) continue;
          let ok = true;
          for (let k = 1; ok && k < e.words.length; k++) ok = tokens[i + k].text === e.words[k];
          if (!ok) continue;
          const start = lineStart + tokens[i].start;
          const end = lineStart + tokens[last].end;
          forced.push({ start, end, type: e.type, surface: normalise(text.slice(start, end)) });
          break;
        }
      }
    });
  }
  // longest lexicon names first, so "New York Times" beats "New York"
  forced.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LexiconMatches = { names: [], dates: [] };
  let lastEnd = -Infinity;
  for (const f of forced) {
    if (f.start < lastEnd) continue;
    lastEnd = f.end;
    if (f.type === 'date') out.dates.push({ start: f.start, end: f.end });
    else out.names.push(working(f.start, f.end, f.type as EntityType, f.surface, true));
  }
  return out;
}

/** The lexicon's names replace what overlaps them (and its dates leave no name there); `work` sorted, without overlaps. */
export function applyLexicon(work: Working[], matches: LexiconMatches): Working[] {
  if (matches.names.length === 0 && matches.dates.length === 0) return work;
  const rest = withoutOverlapsWith(withoutOverlapsWith(work, matches.names), matches.dates);
  // a lexicon name also fixes the type of the same string wherever the model found it
  return mergeDedupe(matches.names, rest);
}
