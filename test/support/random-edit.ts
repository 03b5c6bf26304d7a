// Random edits of an article as someone types and corrects it (shared by the incremental-analysis tests): keystrokes
// in ordinary words and inside names, names added and removed, acronyms in brackets, lines split and joined.

/** Where the word around `at` starts and ends (letters only), or null when `at` is not in a word. */
function wordAt(text: string, at: number): { start: number; end: number } | null {
  const letter = (i: number) => i >= 0 && i < text.length && /\p{L}/u.test(text[i]);
  if (!letter(at)) return null;
  let start = at;
  let end = at;
  while (letter(start - 1)) start--;
  while (letter(end)) end++;
  return { start, end };
}

/** The next capitalised word at or after `from` (a name, or a sentence's first word), or null. */
function capitalisedAfter(text: string, from: number): { start: number; end: number } | null {
  const m = /\b\p{Lu}\p{Ll}+/gu;
  m.lastIndex = from;
  const found = m.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : null;
}

const NAMES = [' Viktor Okafor', ' Rossi', ' Mr Tanaka', ' the Global Steel Corp', ' Bank of Lima', ' in Oslo', ' NATO', ' Nato', ' Tuesday'];
const BRACKETS = ['(', ')', ' (NSG)', ' (Nato)', '(IS', ' (GSC)', ' (NATO)', ' (UN)'];

/**
 * One random edit: mostly the keystrokes of someone typing and correcting (in ordinary words and inside names), and
 * names added and removed, acronyms in brackets, lines split and joined.
 */
export function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const insert = (i: number, s: string) => text.slice(0, i) + s + text.slice(i);
  const r = rand();
  if (r < 0.2) return insert(at, pick([...'abcdefghijklmnopqrstuvwxyz']));
  if (r < 0.3) return text.slice(0, at) + text.slice(at + 1);
  if (r < 0.34) return insert(at, pick([' ', '  ', '.', ',', '0', '7']));
  if (r < 0.44) {
    // typing inside a capitalised word (a name, or a sentence's first word), or deleting a letter of it
    const w = capitalisedAfter(text, at);
    if (!w) return text;
    const i = w.start + 1 + Math.floor(rand() * (w.end - w.start - 1));
    return rand() < 0.7 ? insert(i, pick([...'aeioxz'])) : text.slice(0, i) + text.slice(i + 1);
  }
  if (r < 0.5) {
    // a name removed: a capitalised word and the space before it
    const w = capitalisedAfter(text, at);
    return w ? text.slice(0, Math.max(0, w.start - 1)) + text.slice(w.end) : text;
  }
  if (r < 0.58) {
    // a name added after a word: a new one, or one the article has elsewhere (found again in other lines)
    const w = wordAt(text, at);
    const elsewhere = /\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?/u.exec(text.slice(Math.floor(rand() * text.length)));
    return insert(w ? w.end : at, elsewhere && rand() < 0.5 ? ` ${elsewhere[0]}` : pick(NAMES));
  }
  if (r < 0.66) {
    // an acronym in brackets, often right after a name
    const w = rand() < 0.6 ? capitalisedAfter(text, at) : null;
    return insert(w ? w.end : at, pick(BRACKETS));
  }
  if (r < 0.72) return insert(at, pick(['A', 'M', 'Z', 'The ']));
  if (r < 0.8) return insert(at, '\n');
  if (r < 0.86) {
    // two lines joined
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text : text.slice(0, nl) + pick(['', ' ']) + text.slice(nl + 1);
  }
  if (r < 0.92) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 40));
  // replace one character by another
  return text.slice(0, at) + pick([...'eaiouxq ']) + text.slice(at + 1);
}
