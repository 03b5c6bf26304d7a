// The user lexicon: its names always win over the model, on span and type.
import type { EntityType, Lexicon } from '../types';
import { forEachLine } from './lines';
import { dedupe, ENTITY_TYPE_SET, normalise, withoutOverlaps, type Working } from './mention-set';
import { tokenize } from './tokenize';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isBoundary = (text: string, i: number) => i <= 0 || i >= text.length || !WORD_CHAR.test(text[i]);

/** Every whole-word occurrence of a lexicon name becomes a mention of its type, replacing what overlaps it. */
export function applyLexicon(text: string, work: Working[], lexicon: Lexicon): Working[] {
  const forced: Working[] = [];
  const names = Object.entries(lexicon).filter(([name, type]) => name.trim() && ENTITY_TYPE_SET.has(type));
  if (names.length === 0) return work;
  // Capitalised names are matched word by word over the (memoised) capitalised tokens: the cost does not grow
  // with the size of the lexicon. Others ("al-Qaeda") are searched as text.
  const byFirst = new Map<string, { words: string[]; type: EntityType }[]>();
  for (const [name, type] of names) {
    const key = name.trim();
    const words = tokenize(key).map(t => t.text);
    if (/^\p{Lu}/u.test(key) && words.length > 0) {
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, type: type as EntityType });
      list.sort((a, b) => b.words.length - a.words.length);
      byFirst.set(words[0], list);
      continue;
    }
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      if (isBoundary(text, i - 1) && isBoundary(text, i + key.length)) {
        forced.push({ start: i, end: i + key.length, type: type as EntityType, surface: normalise(key), fixed: true });
      }
    }
  }
  if (byFirst.size > 0) {
    forEachLine(text, (lineStart, { tokens, capitals }) => {
      for (const i of capitals) {
        for (const e of byFirst.get(tokens[i].text) ?? []) {
          const last = i + e.words.length - 1;
          if (last >= tokens.length) continue;
          let ok = true;
          for (let k = 1; ok && k < e.words.length; k++) ok = tokens[i + k].text === e.words[k];
          if (!ok) continue;
          const start = lineStart + tokens[i].start;
          const end = lineStart + tokens[last].end;
          forced.push({ start, end, type: e.type, surface: normalise(text.slice(start, end)), fixed: true });
          break;
        }
      }
    });
  }
  // longest lexicon names first, so "New York Times" beats "New York"
  forced.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Working[] = [];
  for (const f of forced) if (!kept.length || f.start >= kept[kept.length - 1].end) kept.push(f);
  const rest = withoutOverlaps(work, kept);
  // a lexicon name also fixes the type of the same string wherever the model found it
  return dedupe([...kept, ...rest]);
}
