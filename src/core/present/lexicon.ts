// User lexicons come from settings and from `.news-annotator/lexicon.json` files: input typed by hand, so it is
// cleaned rather than trusted (a typo must not break the analysis).
import { ANNOTATION_TYPES, type AnnotationType } from '../types';

/** Keeps the entries whose type is one we know, with the name trimmed; anything but a plain object gives `{}`. */
export function cleanLexicon(raw: unknown): Record<string, AnnotationType> {
  const out: Record<string, AnnotationType> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [name, type] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof type === 'string' && (ANNOTATION_TYPES as readonly string[]).includes(type) && name.trim()) {
      out[name.trim()] = type as AnnotationType;
    }
  }
  return out;
}

/**
 * The lexicon in a lexicon file's text: `{"Name": "place"}`, or the same under an `entries` key. Throws the JSON
 * parser's SyntaxError on text that is not JSON, for the caller to report with the file's name.
 */
export function parseLexiconFile(raw: string): Record<string, AnnotationType> {
  const parsed: unknown = JSON.parse(raw);
  const entries = parsed && typeof parsed === 'object' && 'entries' in parsed ? (parsed as { entries: unknown }).entries : parsed;
  return cleanLexicon(entries);
}
