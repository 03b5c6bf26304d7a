// Acronyms the article defines: "Islamic State (IS)".
import { withoutOverlapsWith } from '../spans';
import { byPosition, dedupe, working, type Working } from './mention-set';

/** "IS" for "Islamic State", "Nato" for "North Atlantic Treaty Organisation", "OIC" for "Organisation of Islamic Co-operation". */
export function isAcronymOf(acr: string, name: string): boolean {
  const words = name.split(/[\s]+/).filter(Boolean);
  if (words.length < 2) return false;
  const letters = acr.toUpperCase().replace(/[^\p{Lu}]/gu, '');
  const capitalInitials = words
    .filter(w => /^\p{Lu}/u.test(w))
    .map(w => w[0])
    .join('')
    .toUpperCase();
  const allInitials = words
    .map(w => w[0])
    .join('')
    .toUpperCase();
  return letters.length >= 2 && (letters === capitalInitials || letters === allInitials);
}

/** "Islamic State (IS)": the bracketed acronym names the same thing; its occurrences become mentions of it. */
export function linkAcronyms(text: string, work: Working[], expansions: Map<string, string>): Working[] {
  const added: Working[] = [];
  for (const m of work) {
    let i = m.end;
    while (i < text.length && text[i] === ' ') i++;
    if (text[i] !== '(') continue;
    const close = text.indexOf(')', i);
    if (close < 0 || close - i > 12) continue;
    const acr = text.slice(i + 1, close).trim();
    if (!/^\p{Lu}[\p{Lu}\p{Ll}&-]{0,9}$/u.test(acr) || (acr.toUpperCase() !== acr && !/^\p{Lu}\p{Ll}+$/u.test(acr))) continue;
    if (m.type === 'person' || !isAcronymOf(acr, m.surface)) continue;
    const at = text.indexOf(acr, i);
    if (!expansions.has(acr)) expansions.set(acr, m.surface);
    // in the one shape of working mentions (the later steps stay monomorphic)
    added.push(working(at, at + acr.length, m.type, acr, m.fixed));
  }
  if (added.length === 0) return work;
  const acronymType = new Map(added.map(a => [a.surface, a.type]));
  for (const m of work) if (!m.fixed && acronymType.has(m.surface)) m.type = acronymType.get(m.surface)!;
  added.sort(byPosition);
  return dedupe([...work, ...withoutOverlapsWith(added, work)]);
}
