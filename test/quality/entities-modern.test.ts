import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../../src/core/entities';
import type { EntityType } from '../../src/core/types';

// Hand-written sentences in the style of 2016-2024 news (names a 1996 Reuters model never saw), plus
// page-navigation lines that hold no name. Sentences 141-201 were written after the detector's rules had been
// tuned on the first 140 (micro F1 on them before this work 0.876, after 0.910): they are the fairer figure.
// Items 211-253 were written for issue 15 before its entity changes (companies named like people, results lines,
// national teams, events and treaties that are no entity, headlines in capitals): 0.833 before, 0.854 after. Gold is CoNLL-style: titles outside the span, "the" outside,
// national adjectives unscored; type "other" marks a name that is neither (a tournament) and is not scored.
interface Item {
  text: string;
  gold: [surface: string, type: EntityType | 'other'][];
}

const items = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'entities-modern.json'), 'utf8')) as Item[];

interface Span {
  start: number;
  end: number;
  type: string;
}

function goldSpans(item: Item): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const [surface, type] of item.gold) {
    const start = item.text.indexOf(surface, from);
    assert.ok(start >= 0, `fixture: "${surface}" not found in "${item.text}"`);
    out.push({ start, end: start + surface.length, type });
    from = start + surface.length;
  }
  return out;
}

const TYPES: EntityType[] = ['person', 'place', 'organization'];

function evaluate() {
  const counts = Object.fromEntries(TYPES.map(t => [t, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  for (const item of items) {
    const gold = goldSpans(item);
    const pred = findMentions(item.text);
    const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end && a.type === b.type;
    for (const p of pred) {
      // a prediction over an unscored name counts neither way
      if (gold.some(g => g.type === 'other' && g.start < p.end && p.start < g.end)) continue;
      if (gold.some(g => same(g, p))) counts[p.type].tp++;
      else {
        counts[p.type].fp++;
        errors.push(`FP ${p.type} "${item.text.slice(p.start, p.end)}" in: ${item.text}`);
      }
    }
    for (const g of gold) {
      if (g.type === 'other') continue;
      if (!pred.some(p => same(g, p))) {
        counts[g.type].fn++;
        errors.push(`FN ${g.type} "${item.text.slice(g.start, g.end)}" in: ${item.text}`);
      }
    }
  }
  const f1 = (c: { tp: number; fp: number; fn: number }) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
  const micro = TYPES.reduce((a, t) => ({ tp: a.tp + counts[t].tp, fp: a.fp + counts[t].fp, fn: a.fn + counts[t].fn }), { tp: 0, fp: 0, fn: 0 });
  return { perType: Object.fromEntries(TYPES.map(t => [t, f1(counts[t])])), micro: f1(micro), errors };
}

describe('entities: modern news held-out set', () => {
  const result = evaluate();
  if (process.env.SHOW_ERRORS) for (const e of result.errors) console.log(e);

  it(`micro exact F1 stays at or above 0.91 (now ${result.micro.toFixed(3)}: person ${result.perType.person.toFixed(3)}, place ${result.perType.place.toFixed(3)}, organization ${result.perType.organization.toFixed(3)})`, () => {
    assert.ok(result.micro >= 0.91, result.errors.join('\n'));
  });

  it('finds nothing in page-navigation lines', () => {
    for (const item of items.filter(i => i.gold.length === 0)) {
      assert.deepEqual(
        findMentions(item.text).map(m => item.text.slice(m.start, m.end)),
        [],
        item.text,
      );
    }
  });
});
