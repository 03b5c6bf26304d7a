// An article's entities as the corpus sees them ("members"): each with its name, aliases, mention count and first
// mention, computed once when the article is indexed so the corpus-wide steps never walk annotations again.
import { nameWords } from '../entities';
import type { EntityType } from '../types';
import { displayName, nameKey } from './names';
import type { CorpusArticle, CorpusMention } from './types';

export interface Member {
  path: string;
  /** The article entity's id (`e1`, ...). */
  entity: string;
  type: EntityType;
  /**
   * The name the analysis gave it: the sidecar's name when it is one of the aliases, else the longest alias (a
   * rename reflected into the sidecar must not change how the corpus links it, nor its id).
   */
  name: string;
  /** nameKey(name). */
  key: string;
  /** Distinct surface forms (display form). */
  aliases: string[];
  /** nameKey of each alias. */
  aliasKeys: string[];
  mentions: number;
  first: CorpusMention | undefined;
  referenceDate: string | null;
  // what the linking compares, computed once when the article is indexed (never per corpus rebuild)
  /** `type NUL key`: the linking's node. */
  node: string;
  /** nameWords(name). */
  words: string[];
  /** `type NUL alias key` of each alias other than the name. */
  aliasNodes: string[];
}

/** The members of one article, in the order of its entities. */
export function membersOf(article: CorpusArticle): Member[] {
  const byId = new Map<string, Member>();
  const out: Member[] = [];
  for (const e of article.entities) {
    const aliases = [...new Set(e.aliases.map(displayName).filter(Boolean))];
    const own = displayName(e.name);
    let name = own;
    if (!aliases.includes(own)) {
      name = aliases.reduce((best, a) => (a.length > best.length ? a : best), aliases[0] ?? own);
      if (!name) name = own;
    }
    if (!aliases.includes(name)) aliases.push(name);
    aliases.sort();
    const m: Member = {
      path: article.path,
      entity: e.id,
      type: e.type,
      name,
      key: nameKey(name),
      aliases,
      aliasKeys: aliases.map(nameKey),
      mentions: 0,
      first: undefined,
      referenceDate: article.referenceDate,
      node: nodeKey(e.type, nameKey(name)),
      words: nameWords(name),
      aliasNodes: [],
    };
    m.aliasNodes = m.aliasKeys.filter(k => k !== m.key).map(k => nodeKey(e.type, k));
    byId.set(e.id, m);
    out.push(m);
  }
  for (const a of article.annotations) {
    const m = a.entity === undefined ? undefined : byId.get(a.entity);
    if (!m) continue;
    m.mentions++;
    if (!m.first || a.start < m.first.start) m.first = { path: article.path, start: a.start, end: a.end, text: a.text, annotation: a.id };
  }
  // an entity without mentions (a stale sidecar entry) is nothing to link or count
  return out.filter(m => m.mentions > 0);
}

export const memberKey = (path: string, articleEntity: string): string => `${path}\u0000${articleEntity}`;

/** Code-unit order: the same on every machine and locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The key of a type and a name key together. */
export const nodeKey = (type: EntityType, key: string): string => `${type}\u0000${key}`;
