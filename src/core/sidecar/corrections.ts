// A type the user corrected applies to every mention of that name in the article, present and future: retyping
// "Moskva" from person to organization makes the next "Moskva" typed into the article an organization too, so the
// Entities view, the outline and the exports carry one label. The sidecar needs no field for it: a retype of an
// automatic mention leaves a manual annotation on the span plus a rejection of the old type there, and that pair is
// the correction. The analysis applies the corrections as an article-level lexicon over the user's lexicon.
import type { AnnotationType, Lexicon } from '../types';
import { spacedName } from './model';
import type { Sidecar } from './types';

const manualNumber = (id: string) => (/^m\d+$/.test(id) ? Number(id.slice(1)) : 0);

/**
 * The names the user retyped in this article, with the type they chose: every manual annotation that sits exactly
 * on a rejection of another type (what retypeAnnotation records for an automatic mention). A retype of a date into
 * a name is left out: a date word read as a name ("May" the person) is one sense of an ambiguous word, not a
 * correction of every "May". When one name was retyped to different types, the latest decision (highest `m` id) wins.
 * A retype recorded without the rejection (retypeAnnotation's `scope: 'mention'`) stays on that mention only.
 */
export function correctionLexicon(s: Pick<Sidecar, 'annotations' | 'rejections'>): Lexicon {
  if (s.rejections.length === 0) return {};
  const rejected = new Map<string, AnnotationType[]>();
  for (const r of s.rejections) {
    const key = `${r.start}:${r.end}`;
    const list = rejected.get(key);
    if (list) list.push(r.type);
    else rejected.set(key, [r.type]);
  }
  const chosen = new Map<string, { type: AnnotationType; order: number }>();
  for (const a of s.annotations) {
    if (a.source !== 'manual') continue;
    const old = rejected.get(`${a.start}:${a.end}`);
    if (!old || !old.some(t => t !== a.type && t !== 'date')) continue;
    const name = spacedName(a.text);
    const order = manualNumber(a.id);
    const had = chosen.get(name);
    if (!had || order >= had.order) chosen.set(name, { type: a.type, order });
  }
  const out: Record<string, AnnotationType> = {};
  for (const [name, { type }] of chosen) if (name) out[name] = type;
  return out;
}
