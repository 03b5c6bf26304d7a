// Corpus entities: members linked automatically (./link.ts), the user's decisions applied (./decisions/apply.ts),
// then each group summed up (aliases, articles, mentions, first mention).
import { applyDecisions, type DecidedGroup } from './decisions/apply';
import { linkMembers } from './link';
import { compareText, shapeItem, type Member } from './members';
import { nameKey } from './names';
import type { CorpusDecisions, CorpusEntity, CorpusMention, EntityInArticle } from './types';

export interface EntityTable {
  /** Sorted by type, then name, then id. */
  list: CorpusEntity[];
  byId: Map<string, CorpusEntity>;
}

export function buildCorpusEntities(members: Iterable<Member[]>, decisions: CorpusDecisions): EntityTable {
  const groups = applyDecisions(linkMembers(members), decisions.entities);
  const table: EntityTable = { list: [], byId: new Map() };
  const sortKey = new Map<CorpusEntity, string>();
  for (const g of groups) {
    const entity = summarise(g);
    sortKey.set(entity, nameKey(entity.name));
    table.list.push(entity);
    table.byId.set(entity.id, entity);
    for (const m of g.members) {
      m.corpusEntity = entity;
      m.decided = g;
    }
  }
  table.list.sort((a, b) => compareText(a.type, b.type) || compareText(sortKey.get(a)!, sortKey.get(b)!) || compareText(a.id, b.id));
  return table;
}

/**
 * Brings the table up to date after articles were replaced by ones of the same shape (shapeOf): the groups stay,
 * each new member takes its old counterpart's place, and only the groups touched are summed up again. Returns
 * false when it cannot (a member without a group): the caller rebuilds.
 */
export function updateCounts(table: EntityTable, replaced: ReadonlyMap<string, Member[]>, current: ReadonlyMap<string, Member[]>): boolean {
  const pairs: [Member, Member][] = [];
  for (const [path, old] of replaced) {
    const now = current.get(path);
    if (!now || now.length !== old.length) return false;
    const a = [...old].sort((x, y) => compareText(shapeItem(x), shapeItem(y)));
    const b = [...now].sort((x, y) => compareText(shapeItem(x), shapeItem(y)));
    for (let i = 0; i < a.length; i++) {
      if (!a[i].decided || shapeItem(a[i]) !== shapeItem(b[i])) return false;
      pairs.push([a[i], b[i]]);
    }
  }
  const before = new Map<DecidedGroup, CorpusEntity | undefined>();
  for (const [was, is] of pairs) {
    const g = was.decided!;
    const at = g.members.indexOf(was);
    if (at < 0) return false;
    g.members[at] = is;
    is.decided = g;
    if (!before.has(g)) before.set(g, was.corpusEntity);
  }
  for (const [g, old] of before) {
    const entity = summarise(g);
    const at = old ? table.list.indexOf(old) : -1;
    if (at < 0) return false;
    table.list[at] = entity;
    table.byId.set(entity.id, entity);
    for (const m of g.members) m.corpusEntity = entity;
  }
  return true;
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
