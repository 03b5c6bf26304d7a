// An article's entities as the corpus sees them ("members"): each with its name, aliases, mention count and first
// mention, computed once when the article is indexed so the corpus-wide steps never walk annotations again.
import type { EntityType } from '../types';
import { memoNameWords, nameForms, nodeOf, type NameForms } from './names';
import type { DecidedGroup } from './decisions/apply';
import type { CorpusArticle, CorpusEntity, CorpusMention } from './types';

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
  /** Set by each build of the corpus entities: where this member ended up (no corpus-wide map to fill). */
  corpusEntity?: CorpusEntity;
  decided?: DecidedGroup;
}

/** The members of one article, in the order of its entities. */
export function membersOf(article: CorpusArticle): Member[] {
  const byId = new Map<string, Member>();
  const out: Member[] = [];
  for (const e of article.entities) {
    // its distinct display forms in first-seen order, each surface form worked out once per corpus (nameForms
    // memoises); a list, not a map: an entity has one or a few aliases
    const forms: NameForms[] = [];
    for (const alias of e.aliases) {
      const f = nameForms(alias);
      if (f.display && !hasDisplay(forms, f.display)) forms.push(f);
    }
    let own = nameForms(e.name);
    if (!hasDisplay(forms, own.display)) {
      let best: NameForms | undefined;
      for (const f of forms) if (best === undefined || f.display.length > best.display.length) best = f;
      if (best) own = best;
      else forms.push(own);
    }
    const name = own.display;
    const key = own.key;
    if (forms.length > 1) forms.sort((a, b) => compareText(a.display, b.display));
    const aliases: string[] = [];
    const aliasKeys: string[] = [];
    const aliasNodes: string[] = [];
    for (const f of forms) {
      aliases.push(f.display);
      aliasKeys.push(f.key);
      if (f.key !== key) aliasNodes.push(nodeOf(f, e.type));
    }
    const node = nodeOf(own, e.type);
    const m: Member = {
      path: article.path,
      entity: e.id,
      type: e.type,
      name,
      key,
      aliases,
      aliasKeys,
      mentions: 0,
      first: undefined,
      referenceDate: article.referenceDate,
      node,
      words: memoNameWords(name),
      aliasNodes,
      corpusEntity: undefined,
      decided: undefined,
    };
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

const hasDisplay = (forms: readonly NameForms[], display: string): boolean => {
  for (const f of forms) if (f.display === display) return true;
  return false;
};

/** Code-unit order: the same on every machine and locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The key of a type and a name key together. */
export const nodeKey = (type: EntityType, key: string): string => `${type}\u0000${key}`;
