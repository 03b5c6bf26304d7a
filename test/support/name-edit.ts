// Random edits inside and around the names an analysis found (shared by the incremental-analysis tests): characters
// typed, deleted and replaced inside names and at their edges, names renamed, aliases and acronyms added and removed,
// a name's words repeated elsewhere (found again by propagation), line breaks put at a name's edges and taken away.
import type { Annotation } from '../../src/core/types';

const LETTERS = [...'aeiouxzkAEKZ'];
const NEW_NAMES = ['Viktor Okafor', 'Okafor', 'Global Steel Corp', 'GSC', 'Nato', 'NATO', 'Rossi', 'Lima', 'Bank of Lima', 'Mr Tanaka'];

/** One random edit at or around one of `annotations`' names (entity mentions) in `text`. */
export function nameEdit(text: string, annotations: readonly Annotation[], rand: () => number): string {
  const names = annotations.filter(a => a.type !== 'date');
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  if (names.length === 0) return text + ' ' + pick(NEW_NAMES) + ' said.';
  const n = pick(names);
  const insert = (i: number, s: string) => text.slice(0, i) + s + text.slice(i);
  const remove = (i: number, count = 1) => text.slice(0, Math.max(0, i)) + text.slice(Math.max(0, i) + count);
  // a place inside the name or at one of its edges (just before, first character, last character, just after)
  const at = () => {
    const r = rand();
    if (r < 0.15) return n.start;
    if (r < 0.3) return n.end;
    if (r < 0.4) return Math.max(0, n.start - 1);
    return n.start + Math.floor(rand() * (n.end - n.start));
  };
  const r = rand();
  if (r < 0.25) return insert(at(), pick(LETTERS));
  if (r < 0.4) return remove(at());
  if (r < 0.5) {
    const i = at();
    return text.slice(0, i) + pick(LETTERS) + text.slice(i + 1);
  }
  if (r < 0.58) {
    // renamed: to another name of the article, or a new one
    const other = rand() < 0.5 ? pick(names).text : pick(NEW_NAMES);
    return text.slice(0, n.start) + other + text.slice(n.end);
  }
  if (r < 0.64) {
    // an alias added elsewhere: the name's last word alone, or the whole name, in another line
    const words = n.text.split(' ');
    const alias = rand() < 0.6 ? words[words.length - 1] : n.text;
    const nl = text.indexOf('\n', Math.floor(rand() * text.length));
    const i = nl < 0 ? text.length : nl;
    return insert(i, ` ${alias} said so.`);
  }
  if (r < 0.7) {
    // an acronym of the name in brackets after it ("Global Steel Corp (GSC)"), or a wrong one
    const initials = n.text
      .split(' ')
      .map(w => w[0])
      .join('');
    return insert(n.end, rand() < 0.7 ? ` (${initials})` : ` (${initials}X)`);
  }
  if (r < 0.75) {
    // an acronym in brackets taken away
    const open = text.indexOf(' (', n.start);
    const close = open < 0 ? -1 : text.indexOf(')', open);
    return open >= 0 && close >= 0 && close - open < 14 ? text.slice(0, open) + text.slice(close + 1) : insert(n.end, ' (NATO)');
  }
  if (r < 0.82) {
    // every occurrence of the name's first word changed (a name renamed throughout, as a find-and-replace would)
    const word = n.text.split(' ')[0];
    return word.length > 1 ? text.split(word).join(word.slice(0, -1) + pick(LETTERS)) : text;
  }
  if (r < 0.9) {
    // a line break at the name's start, end or inside it
    return insert(pick([n.start, n.end, n.start + Math.floor((n.end - n.start) / 2)]), '\n');
  }
  if (r < 0.95) {
    // the line holding the name joined to the next or the previous one
    const nl = rand() < 0.5 ? text.indexOf('\n', n.end) : text.lastIndexOf('\n', n.start);
    return nl < 0 ? remove(n.start) : text.slice(0, nl) + pick(['', ' ']) + text.slice(nl + 1);
  }
  // the name taken away
  return text.slice(0, n.start) + text.slice(n.end);
}
