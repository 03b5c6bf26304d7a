// The name and word lists of the generated data: the gazetteer (compromise's lexicon, curated.ts, names seen in
// eng.train), the common words and first names of eng.train, and the Bloom filter of given names.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { FIRST_NAMES, ORGANIZATIONS, PLACES } from '../../src/core/data/curated';
import { buildBloom, type BloomData } from '../../src/core/entities/bloom';
import { NOT_PERSON_CATEGORIES } from '../../src/core/entities/gazetteer';
import type { ConllDocument } from '../eval/conll-reader';

export type Lists = Record<string, string[]>;

/** Name lists from compromise's lexicon (countries, cities, names, organizations, ...) plus curated.ts. */
export function buildGazetteer(): Lists {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const lists: Record<string, Set<string>> = {};
  const add = (cat: string, name: string) => (lists[cat] ??= new Set()).add(name.toLowerCase());
  const map: Record<string, string> = {
    Country: 'loc',
    City: 'loc',
    Place: 'loc',
    Region: 'loc',
    FirstName: 'first',
    MaleName: 'first',
    FemaleName: 'first',
    LastName: 'last',
    Organization: 'org',
    SportsTeam: 'org',
    Person: 'person',
    Demonym: 'misc',
  };
  for (const [word, tags] of Object.entries(lexicon)) {
    for (const t of Array.isArray(tags) ? tags : [tags]) if (map[t]) add(map[t], word);
  }
  for (const n of ORGANIZATIONS) add('org', n);
  for (const n of PLACES) add('loc', n);
  for (const n of FIRST_NAMES) add('first', n);
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Given names of many cultures for the "Firstname Lastname is a person" rule (refine.ts), from
 * gender-detection-from-name's English, French, Spanish, Italian, German and Turkish lists. Words that are also
 * common words, places, organizations or other names in the lists are left out: "Georgia", "Paris", "Will".
 */
export function buildGivenNames(namesDir: string, gazLists: Lists, commonWords: readonly string[]): { bloom: BloomData; count: number } {
  const exclude = new Set([...commonWords, ...NOT_PERSON_CATEGORIES.flatMap(k => gazLists[k] ?? [])]);
  const names = new Set<string>();
  for (const file of readdirSync(namesDir)
    .filter(f => f.endsWith('.js'))
    .sort()) {
    for (const m of readFileSync(join(namesDir, file), 'utf8').matchAll(/\['([^']+)',/g)) {
      const n = m[1].toLowerCase();
      if (/^\p{L}[\p{L}'-]{2,}$/u.test(n) && !exclude.has(n)) names.add(n);
    }
  }
  const sorted = [...names].sort();
  return { bloom: buildBloom(sorted, sorted.length), count: sorted.length };
}

/**
 * Word statistics from eng.train for the span clean-up rules:
 *  - commonWords: words written in lower case in running text and (almost) never part of a name, so a capitalised
 *    occurrence at the edge of a span is a sentence start or a headline word ("Our", "Skip", "Placing");
 *  - firstNames: first words of multi-word person names that the gazetteer's first-name list lacks (the tagger
 *    code joins both lists).
 */
export function wordStats(docs: readonly ConllDocument[], gazFirst: readonly string[]): { commonWords: string[]; firstNames: string[] } {
  const lower = new Map<string, number>();
  const inName = new Map<string, number>();
  const first = new Set<string>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const doc of docs) {
    const words: { start: number; end: number; text: string }[] = [];
    for (const m of doc.text.matchAll(/\S+/g)) words.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    let g = 0;
    for (const w of words) {
      while (g < doc.gold.length && doc.gold[g].end <= w.start) g++;
      const inside = g < doc.gold.length && doc.gold[g].start <= w.start;
      const key = w.text.toLowerCase();
      if (inside) {
        inc(inName, key);
        const span = doc.gold[g];
        if (span.label === 'PER' && span.start === w.start && span.end > w.end && /^\p{Lu}\p{Ll}+$/u.test(w.text)) first.add(key);
      } else if (/^\p{Ll}/u.test(w.text)) inc(lower, key);
    }
  }
  const commonWords: string[] = [];
  for (const [w, n] of lower) {
    const named = inName.get(w) ?? 0;
    if (n >= 2 && /^\p{L}[\p{L}'-]*$/u.test(w) && named <= 0.05 * (n + named)) commonWords.push(w);
  }
  const common = new Set(commonWords);
  const known = new Set(gazFirst);
  const firstNames = new Set([...first].filter(n => !common.has(n) && !known.has(n)));
  return { commonWords: commonWords.sort(), firstNames: [...firstNames].sort() };
}

/** Names written at least twice with the same label (its majority label) in the given documents. */
export function trainNames(docs: readonly ConllDocument[]): Lists {
  const counts = new Map<string, Map<string, number>>();
  for (const d of docs) {
    for (const g of d.gold) {
      const name = d.text.slice(g.start, g.end).toLowerCase();
      const m = counts.get(name) ?? new Map<string, number>();
      m.set(g.label, (m.get(g.label) ?? 0) + 1);
      counts.set(name, m);
    }
  }
  const out: Lists = { tPER: [], tLOC: [], tORG: [], tMISC: [] };
  for (const [name, m] of counts) {
    let best = '';
    let n = 0;
    let total = 0;
    for (const [label, c] of m) {
      total += c;
      if (c > n) {
        best = label;
        n = c;
      }
    }
    if (n >= 2 && n >= 0.75 * total) out[`t${best}`].push(name);
  }
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}
