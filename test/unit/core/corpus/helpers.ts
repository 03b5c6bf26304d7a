// Articles for the corpus tests: written by hand (every mention, type and entity chosen), or analyzed for real.
import { analyze, corpusArticleFromAnalysis, sha256Hex, type Annotation, type CorpusArticle, type Entity, type EntityType } from '../../../../src/core';

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
