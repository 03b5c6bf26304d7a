// How names compare across articles: spaces collapsed (no-break spaces too, as within an article) and case
// folded, so "Vladimir\u00a0Putin" and "vladimir putin" are one key.
import { normalise } from '../entities';

/** The comparison key of a name: spaces collapsed, trimmed, lower case. */
export const nameKey = (name: string): string => normalise(name).trim().toLowerCase();

/** A name as shown and stored: spaces collapsed and trimmed, case kept. */
export const displayName = (name: string): string => normalise(name).trim();
