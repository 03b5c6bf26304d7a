// Corpus entities: members linked automatically (./link.ts), the user's decisions applied (./decisions/apply.ts),
// then each group summed up (aliases, articles, mentions, first mention).
import type { Member } from './members';
import type { CorpusDecisions, CorpusEntity } from './types';

export interface EntityTable {
  /** Sorted by type, then name, then id. */
  list: CorpusEntity[];
  byId: Map<string, CorpusEntity>;
  /** memberKey(path, article entity) -> its corpus entity. */
  byMember: Map<string, CorpusEntity>;
}

export function buildCorpusEntities(members: Iterable<Member[]>, decisions: CorpusDecisions): EntityTable {
  throw new Error('not implemented yet');
}
