// Articles for the corpus tests: written by hand (every mention, type and entity chosen), analyzed for real, or made
// at random from names chosen to interact (with random decisions over them).
import {
  analyze,
  corpusArticleFromAnalysis,
  emptyDecisions,
  sha256Hex,
  type Annotation,
  type CorpusArticle,
  type CorpusDecisions,
  type Entity,
  type EntityDecision,
  type EntityType,
} from '../../../../src/core';

export interface Mention {
  text: string;
  type: EntityType;
  /** The article entity's canonical name (default: the mention's text). */
  entity?: string;
  manual?: boolean;
}

/**
 * An article whose text holds the mentions in order (each the next whole-word occurrence after the previous one), with entities grouped by
 * the `entity` names given. Ids `a1`..., `e1`... in order.
 */
export function handmade(path: string, text: string, mentions: Mention[], referenceDate: string | null = null): CorpusArticle {
  const entities: Entity[] = [];
  const byName = new Map<string, Entity>();
  const annotations: Annotation[] = [];
  let from = 0;
  for (const m of mentions) {
    let start = text.indexOf(m.text, from);
    // whole words only ("Putin" is not in "Putinism")
    while (start >= 0 && (/\w/.test(text[start - 1] ?? '') || /\w/.test(text[start + m.text.length] ?? ''))) start = text.indexOf(m.text, start + 1);
    if (start < 0) throw new Error(`"${m.text}" not in ${path} after ${from}`);
    from = start + m.text.length;
    const name = m.entity ?? m.text;
    let e = byName.get(`${m.type}:${name}`);
    if (!e) {
      e = { id: `e${entities.length + 1}`, type: m.type, name, aliases: [] };
      entities.push(e);
      byName.set(`${m.type}:${name}`, e);
    }
    if (!e.aliases.includes(m.text)) e.aliases = [...e.aliases, m.text].sort();
    annotations.push({ id: `a${annotations.length + 1}`, type: m.type, start, end: from, text: m.text, source: m.manual ? 'manual' : 'auto', entity: e.id });
  }
  for (const e of entities) if (!e.aliases.includes(e.name)) e.aliases = [...e.aliases, e.name].sort();
  return { path, text, sha256: sha256Hex(text), referenceDate, annotations, entities };
}

/** An article as the analysis finds it. */
export function analyzed(path: string, text: string): CorpusArticle {
  return corpusArticleFromAnalysis(path, text, sha256Hex(text), analyze(text));
}

/** Names chosen to interact across articles: short forms, aliases, acronyms, spellings differing in case, shared aliases. */
export const NAMES: Record<EntityType, string[]> = {
  person: [
    'Vladimir Putin',
    'Putin',
    'Vladimir',
    'vladimir putin',
    'John Smith',
    'Jane Smith',
    'Smith',
    'John',
    'Recep Tayyip Erdogan',
    'Tayyip Erdogan',
    'Erdogan',
  ],
  organization: ['United Nations', 'united nations', 'UN', 'U.N.', 'Nations', 'United', 'European Union', 'EU', 'Union', 'European Commission', 'EC', 'Smith'],
  place: ['United States', 'U.S.', 'US', 'States', 'Paris', 'paris', 'New York', 'York'],
};
export const TYPES: EntityType[] = ['person', 'organization', 'place'];
export const PATHS = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt'];
const DATES = [null, '2024-01-01', '2024-02-01'];

/** An article of a few entities named from NAMES, some mentions by hand. */
export function randomArticle(rand: () => number, path: string, own: Mention[] = []): CorpusArticle {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const mentions: Mention[] = [...own];
  const entities = 1 + Math.floor(rand() * 5);
  for (let e = 0; e < entities; e++) {
    const type = pick(TYPES);
    const name = pick(NAMES[type]);
    // the entity's mentions: its name, sometimes other names of the type as its aliases (a short form, an acronym)
    const count = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) mentions.push({ text: i === 0 || rand() < 0.4 ? name : pick(NAMES[type]), type, entity: name, manual: rand() < 0.15 });
  }
  // two entities of one type and name in an article are one: keep the grouping handmade makes
  const text = `${mentions.map(m => m.text).join('. ')}.`;
  return handmade(path, text, mentions, pick(DATES));
}

/** A few decisions over the same names: renames, merges, splits, external ids and notes, in any order. */
export function randomDecisions(rand: () => number): CorpusDecisions {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const ref = (type: EntityType) => ({ type, name: pick(NAMES[type]) });
  const entities: EntityDecision[] = [];
  const count = Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    const type = pick(TYPES);
    const r = rand();
    if (r < 0.25) entities.push({ kind: 'rename', entity: ref(type), name: pick(NAMES[type]) });
    else if (r < 0.5) entities.push({ kind: 'merge', entity: ref(type), with: [ref(type)] });
    else if (r < 0.75) entities.push({ kind: 'split', entity: ref(type), name: pick(NAMES[type]), aliases: [pick(NAMES[type])] });
    else if (r < 0.9) entities.push({ kind: 'externalId', entity: ref(type), externalId: `urn:x:${i}` });
    else entities.push({ kind: 'note', entity: ref(type), note: `note ${i}` });
  }
  return { ...emptyDecisions(), entities };
}
