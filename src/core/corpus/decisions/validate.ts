// Reads the decisions file: JSON, then the shape of media/entities.schema.json (hand-written, like the sidecar's
// validator), then the rules a schema cannot say (an external id is an absolute URI). Errors are `path: reason`.
import type { CorpusDecisions } from '../types';

/** Why the decisions file could not be used; `message` names the file and every problem found. */
export class DecisionsError extends Error {
  constructor(
    readonly file: string,
    /** `entities[2].externalId: must be an absolute URI (scheme:...)`, ... */
    readonly reasons: string[],
  ) {
    super(`${file}: ${reasons.join('; ')}`);
    this.name = 'DecisionsError';
  }
}

/** An absolute URI (RFC 3986): a scheme, a colon, then something without spaces. */
export function isAbsoluteUri(value: string): boolean {
  throw new Error('not implemented yet');
}

/** The problems of a parsed value as a decisions file, `path: reason` each; empty when it is valid. */
export function validateDecisions(value: unknown): string[] {
  throw new Error('not implemented yet');
}

/** Parses the decisions file's text; throws DecisionsError naming `file` when it is not JSON or not valid. */
export function parseDecisions(text: string, file: string = '.news-annotator/entities.json'): CorpusDecisions {
  throw new Error('not implemented yet');
}
