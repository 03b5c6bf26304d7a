// Entity detection: paragraph-level candidates, then document-level grouping into entities.
// FIRST VERSION (foundation): raw compromise with trimmed spans. The analysis issue replaces it.
import { nlp } from '../nlp';
import type { Entity, EntityType, Lexicon, MentionCandidate, Span } from '../types';

const TRIM_CHARS = /[\s.,;:!?"'“”‘’()[\]{}]/;

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && TRIM_CHARS.test(text[start])) start++;
  while (end > start && TRIM_CHARS.test(text[end - 1])) end--;
  if (/['’]s$/.test(text.slice(start, end))) end -= 2;
  return { start, end };
}

interface OffsetJson { offset: { start: number; length: number } }

/** Finds person/place/organization mentions in one paragraph (offsets relative to `text`). */
export function findMentions(text: string): MentionCandidate[] {
  const doc = nlp(text);
  const out: MentionCandidate[] = [];
  const add = (type: EntityType, matches: OffsetJson[]) => {
    for (const m of matches) {
      const s = trimSpan(text, { start: m.offset.start, end: m.offset.start + m.offset.length });
      if (s.end > s.start) out.push({ ...s, type });
    }
  };
  add('person', doc.people().json({ offset: true }) as OffsetJson[]);
  add('place', doc.places().json({ offset: true }) as OffsetJson[]);
  add('organization', doc.organizations().json({ offset: true }) as OffsetJson[]);
  return out.sort((a, b) => a.start - b.start);
}

export interface GroupedMention extends MentionCandidate {
  entity: string;
}

export interface GroupingResult {
  mentions: GroupedMention[];
  entities: Entity[];
}

/** Groups document-level mentions into entities (first version: same surface string, same entity). */
export function groupEntities(text: string, mentions: MentionCandidate[], _lexicon: Lexicon = {}): GroupingResult {
  const byKey = new Map<string, Entity>();
  const entities: Entity[] = [];
  const grouped: GroupedMention[] = [];
  for (const m of mentions) {
    const surface = text.slice(m.start, m.end);
    const key = `${m.type}\u0000${surface}`;
    let e = byKey.get(key);
    if (!e) {
      e = { id: `e${entities.length + 1}`, type: m.type, name: surface, aliases: [surface] };
      byKey.set(key, e);
      entities.push(e);
    }
    grouped.push({ ...m, entity: e.id });
  }
  return { mentions: grouped, entities };
}
