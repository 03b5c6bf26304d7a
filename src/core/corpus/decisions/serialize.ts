// The decisions file's text: fixed key order, two-space indent, a final newline; the same decisions always give the
// same bytes (diffs in version control show only what changed). Corrections are sorted by name; entity decisions
// keep their order, which is the order they apply in.
import type { Correction, CorpusDecisions, EntityDecision, EntityRef } from '../types';

const ref = (r: EntityRef) => ({ type: r.type, name: r.name });

function entityDecision(d: EntityDecision): object {
  switch (d.kind) {
    case 'rename':
      return { kind: d.kind, entity: ref(d.entity), name: d.name };
    case 'merge':
      return { kind: d.kind, entity: ref(d.entity), with: d.with.map(ref) };
    case 'split':
      return {
        kind: d.kind,
        entity: ref(d.entity),
        name: d.name,
        ...(d.aliases ? { aliases: [...d.aliases] } : {}),
        ...(d.articles ? { articles: [...d.articles] } : {}),
      };
    case 'externalId':
      return { kind: d.kind, entity: ref(d.entity), externalId: d.externalId };
    case 'note':
      return { kind: d.kind, entity: ref(d.entity), note: d.note };
  }
}

const correction = (c: Correction): object => (c.action === 'reject' ? { name: c.name, action: c.action } : { name: c.name, action: c.action, type: c.type });

export function serializeDecisions(decisions: CorpusDecisions): string {
  const out = {
    ...(decisions.$schema !== undefined ? { $schema: decisions.$schema } : {}),
    version: decisions.version,
    entities: decisions.entities.map(entityDecision),
    corrections: [...decisions.corrections].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(correction),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
