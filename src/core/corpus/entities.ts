// Corpus entities: members linked automatically (./link.ts), the user's decisions applied (./decisions/apply.ts),
// then each group summed up (aliases, articles, mentions, first mention).
import { applyDecisions, type DecidedGroup } from './decisions/apply';
import { linkMembers } from './link';
import { compareText, memberKey, type Member } from './members';
import { nameKey } from './names';
import type { CorpusDecisions, CorpusEntity, CorpusMention, EntityInArticle } from './types';

export interface EntityTable {
  /** Sorted by type, then name, then id. */
  list: CorpusEntity[];
  byId: Map<string, CorpusEntity>;
  /** memberKey(path, article entity) -> its corpus entity. */
  byMember: Map<string, CorpusEntity>;
  /** The same, to the decided group (reflecting decisions needs to know whether a rename applies). */
  groupOf: Map<string, DecidedGroup>;
}

export function buildCorpusEntities(members: Iterable<Member[]>, decisions: CorpusDecisions): EntityTable {
  const groups = applyDecisions(linkMembers(members), decisions.entities);
  const table: EntityTable = { list: [], byId: new Map(), byMember: new Map(), groupOf: new Map() };
  const sortKey = new Map<CorpusEntity, string>();
  for (const g of groups) {
    const entity = summarise(g);
    sortKey.set(entity, nameKey(entity.name));
    table.list.push(entity);
    table.byId.set(entity.id, entity);
    for (const m of g.members) {
      const k = memberKey(m.path, m.entity);
      table.byMember.set(k, entity);
      table.groupOf.set(k, g);
    }
  }
  table.list.sort((a, b) => compareText(a.type, b.type) || compareText(sortKey.get(a)!, sortKey.get(b)!) || compareText(a.id, b.id));
  return table;
}

function summarise(g: DecidedGroup): CorpusEntity {
  const aliases = new Set<string>();
  const byPath = new Map<string, EntityInArticle>();
  let mentions = 0;
  let first: { mention: CorpusMention; date: string | null } | undefined;
  for (const m of g.members) {
    for (const a of m.aliases) aliases.add(a);
    mentions += m.mentions;
    const inArticle = byPath.get(m.path);
    if (inArticle) {
      inArticle.entities.push(m.entity);
      inArticle.mentions += m.mentions;
    } else byPath.set(m.path, { path: m.path, entities: [m.entity], mentions: m.mentions });
    if (m.first && (!first || earlier(m.first, m.referenceDate, first.mention, first.date))) first = { mention: m.first, date: m.referenceDate };
  }
  const entity: CorpusEntity = {
    id: g.id,
    type: g.type,
    name: g.name ?? g.autoName,
    aliases: [...aliases].sort(compareText),
    articles: [...byPath.values()].sort((a, b) => compareText(a.path, b.path)),
    mentions,
    firstMention: first!.mention,
  };
  if (g.externalId !== undefined) entity.externalId = g.externalId;
  if (g.note !== undefined) entity.note = g.note;
  return entity;
}

/** Earliest reference date first (articles without one last), then path, then offset. */
function earlier(a: CorpusMention, aDate: string | null, b: CorpusMention, bDate: string | null): boolean {
  if (aDate !== bDate) {
    if (aDate === null) return false;
    if (bDate === null) return true;
    return aDate < bDate;
  }
  return a.path !== b.path ? compareText(a.path, b.path) < 0 : a.start < b.start;
}
