// The same name typed differently: within one article, or here against the rest of the corpus. The user's manual
// choice wins over the majority; an article where the name was typed by hand is never told to follow the others.
import type { Annotation, EntityType } from '../../types';
import { ENTITY_TYPE_SET } from '../../entities';
import { nameKey } from '../names';
import type { CorpusArticle, Finding } from '../types';
import { preferredType, type CorpusTables, type TypeCounts } from './tables';

const article_ = (n: number) => `${n} article${n === 1 ? '' : 's'}`;
const an = (type: EntityType) => (type === 'organization' ? 'an organization' : `a ${type}`);

export function typeFindings(article: CorpusArticle, tables: CorpusTables): Finding[] {
  const byKey = new Map<string, Annotation[]>();
  for (const a of article.annotations) {
    if (!ENTITY_TYPE_SET.has(a.type)) continue;
    const key = nameKey(a.text);
    const list = byKey.get(key);
    if (list) list.push(a);
    else byKey.set(key, [a]);
  }
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
    const types = new Set(list.map(a => a.type as EntityType));
    if (types.size > 1) {
      out.push(inArticle(article, list, tables.types.get(key)));
      continue;
    }
    const [here] = types;
    // typed by hand here: the user's choice for this article, whatever the others say
    if (list.some(a => a.source === 'manual')) continue;
    const corpus = tables.types.get(key);
    if (!corpus || corpus.size < 2) continue;
    const preferred = preferredType(corpus);
    if (!preferred || preferred.type === here) continue;
    const theirs = corpus.get(preferred.type)!;
    const mine = corpus.get(here)!;
    // a majority, not a tie; a manual choice anywhere counts as one
    if (!preferred.manual && theirs.mentions <= mine.mentions) continue;
    const first = list[0];
    const why = preferred.manual
      ? `typed by hand as ${an(preferred.type)} in ${article_(countManualArticles(corpus, preferred.type))}`
      : `${an(preferred.type)} in ${article_(theirs.articles)}`;
    out.push({
      code: 'type-in-corpus',
      path: article.path,
      start: first.start,
      end: first.end,
      message: `"${first.text}" is ${an(here)} here but ${why}`,
      fix: { kind: 'retype', path: article.path, annotations: list.map(a => a.id), type: preferred.type },
    });
  }
  return out;
}

const countManualArticles = (counts: TypeCounts, type: EntityType) => counts.get(type)?.manualArticles ?? 0;

/** Two types for one name in this article: this article's manual choice, else the corpus' preferred type, wins. */
function inArticle(article: CorpusArticle, list: Annotation[], corpus: TypeCounts | undefined): Finding {
  const manual = list.filter(a => a.source === 'manual');
  const local: TypeCounts = new Map();
  for (const a of manual.length > 0 ? manual : list) {
    const t = local.get(a.type as EntityType) ?? { mentions: 0, articles: 1, manual: 0, manualArticles: 0 };
    t.mentions++;
    local.set(a.type as EntityType, t);
  }
  // no manual choice here: the corpus' majority (which counts this article too) decides
  const target = (manual.length > 0 ? preferredType(local) : (preferredType(corpus) ?? preferredType(local)))!.type;
  const wrong = list.filter(a => a.type !== target);
  const first = wrong[0];
  const others = [...new Set(list.map(a => a.type as EntityType))].filter(t => t !== target);
  const reason = manual.length > 0 ? 'as typed by hand in this article' : 'as most of its mentions are';
  return {
    code: 'type-in-article',
    path: article.path,
    start: first.start,
    end: first.end,
    message: `"${first.text}" is ${others.map(an).join(' and ')} here but ${an(target)} elsewhere in this article: make it ${an(target)} (${reason})`,
    fix: { kind: 'retype', path: article.path, annotations: wrong.map(a => a.id), type: target },
  };
}
