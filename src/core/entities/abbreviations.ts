// Country and union abbreviations that name the same thing as the full name: "U.S." and "United States" are one
// entity. Kept apart from the curated lists (data/curated.ts is an input of the generated data, so changing it means
// rebuilding that data): this only joins names the article already has, it never finds one.
import type { EntityType } from '../types';
import type { Working } from './mention-set';

/** Each line: the names of one thing, the preferred full name first. */
const SAME_THING: readonly (readonly string[])[] = [
  ['United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.'],
  ['United Kingdom', 'U.K.', 'UK'],
  ['United Nations', 'U.N.', 'UN'],
  ['European Union', 'E.U.', 'EU'],
  ['Soviet Union', 'USSR', 'U.S.S.R.'],
  ['United Arab Emirates', 'UAE', 'U.A.E.'],
];

const LINE_OF = new Map<string, readonly string[]>();
for (const line of SAME_THING) for (const name of line) LINE_OF.set(name, line);

/** Whether the surface is one of the known names joined by linkAbbreviations. */
export const isAbbreviationName = (surface: string): boolean => LINE_OF.has(surface);

/**
 * Adds to `expansions` (short surface -> the surface of the entity it joins, as the acronym step fills it) every
 * known abbreviation whose full name, or a preferred form, the article also has with the same type. Acronyms the
 * article defines itself ("the Free Syrian Army (FSA)") are kept.
 */
export function linkAbbreviations(work: readonly Working[], expansions: Map<string, string>): void {
  let present: Map<string, Set<EntityType>> | undefined;
  for (const m of work) {
    if (!LINE_OF.has(m.surface)) continue;
    present ??= new Map();
    let types = present.get(m.surface);
    if (!types) present.set(m.surface, (types = new Set()));
    types.add(m.type);
  }
  if (!present) return;
  for (const [surface, types] of present) {
    if (expansions.has(surface)) continue;
    const line = LINE_OF.get(surface)!;
    // the first form of the line the article has with one of this surface's types
    const target = line.find(name => name !== surface && [...(present.get(name) ?? [])].some(t => types.has(t)));
    if (target === undefined || line.indexOf(target) > line.indexOf(surface)) continue;
    expansions.set(surface, target);
  }
}
